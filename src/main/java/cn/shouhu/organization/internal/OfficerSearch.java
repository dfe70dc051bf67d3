package cn.shouhu.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.organization.OfficerStatus;
import cn.shouhu.shared.DataScope;

/** The officer list: search, sort and page within the staff member's data scope. */
@Service
@Transactional(readOnly = true)
public class OfficerSearch {

	private final JdbcClient jdbc;

	private final StaffScopes scopes;

	OfficerSearch(JdbcClient jdbc, StaffScopes scopes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
	}

	public ResultPage<Roster.OfficerView> search(OfficerCriteria criteria) {
		DataScope scope = scopes.officerRead();
		OfficerQuery query = query(criteria, scope);
		long total = jdbc.sql(query.count()).params(query.params()).query(Long.class).single();
		UnitIndex units = UnitIndex.load(jdbc);
		List<Roster.OfficerView> rows = jdbc.sql(query.page())
			.params(query.pageParams())
			.query((rs, n) -> row(rs, units))
			.list();
		return new ResultPage<>(rows, total, criteria.page(), criteria.size());
	}

	/** The units the search form offers: those within the staff member's read scope, police units only. */
	public List<UnitIndex.Node> filterUnits() {
		return UnitIndex.load(jdbc, scopes.officerRead()).withinScope().stream().filter(n -> !n.external()).toList();
	}

	OfficerQuery query(OfficerCriteria criteria, DataScope scope) {
		DataScope unitFilter = criteria.unitId() == null ? DataScope.all() : scopes.subtreeOf(criteria.unitId());
		return new OfficerQuery(criteria, scope, unitFilter);
	}

	static Roster.OfficerView row(ResultSet rs, UnitIndex units) throws SQLException {
		long unitId = rs.getLong("unit_id");
		return new Roster.OfficerView(rs.getLong("id"), rs.getString("badge_no"), rs.getString("name"), unitId,
				units.label(unitId), rs.getString("position"), rs.getBoolean("party_member"),
				OfficerStatus.valueOf(rs.getString("status")), rs.getInt("version"));
	}

}
