package cn.shouhu.organization.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.organization.OfficerRef;
import cn.shouhu.organization.OfficerStatus;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.UnitRef;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.DataScope;

/** Other modules' read access to units and officers; no staff scope applies here, callers apply their own. */
@Component
@Transactional(readOnly = true)
class JdbcOrganizationDirectory implements OrganizationDirectory {

	private static final String OFFICER = """
			SELECT o.id, o.badge_no, o.name, o.unit_id, u.name AS unit_name, o.status
			FROM officer o JOIN unit u ON u.id = o.unit_id""";

	private final JdbcClient jdbc;

	JdbcOrganizationDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<UnitRef> findUnit(long unitId) {
		return jdbc.sql("SELECT id, parent_id, name, unit_type, path, active FROM unit WHERE id = :id")
			.param("id", unitId)
			.query((rs, n) -> new UnitRef(rs.getLong("id"), rs.getObject("parent_id", Long.class),
					rs.getString("name"), UnitType.valueOf(rs.getString("unit_type")), rs.getString("path"),
					rs.getBoolean("active")))
			.optional();
	}

	@Override
	public Optional<OfficerRef> findOfficer(long officerId) {
		return jdbc.sql(OFFICER + " WHERE o.id = :id").param("id", officerId).query(this::officer).optional();
	}

	@Override
	public Optional<OfficerRef> findOfficerByBadgeNo(String badgeNo) {
		return jdbc.sql(OFFICER + " WHERE o.badge_no = :badgeNo")
			.param("badgeNo", badgeNo == null ? "" : badgeNo.strip())
			.query(this::officer)
			.optional();
	}

	@Override
	public List<UnitRef> activeUnits() {
		UnitIndex index = UnitIndex.load(jdbc);
		// A unit counts as active only if its whole chain of ancestors is active too.
		return index.all()
			.stream()
			.filter(node -> node.active() && index.ancestors(node.id()).stream().allMatch(UnitIndex.Node::active))
			.map(UnitIndex.Node::toRef)
			.toList();
	}

	@Override
	public Optional<UnitRef> stationCovering(String communityOrRoad) {
		if (communityOrRoad == null || communityOrRoad.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT u.id, u.parent_id, u.name, u.unit_type, u.path, u.active
				  FROM unit_jurisdiction j JOIN unit u ON u.id = j.unit_id
				 WHERE j.name = :name AND u.active = TRUE AND u.unit_type = 'STATION'
				 ORDER BY j.area_kind, u.id
				""")
			.param("name", communityOrRoad.strip())
			.query((rs, n) -> new UnitRef(rs.getLong("id"), rs.getObject("parent_id", Long.class),
					rs.getString("name"), UnitType.valueOf(rs.getString("unit_type")), rs.getString("path"),
					rs.getBoolean("active")))
			.list()
			.stream()
			.findFirst();
	}

	@Override
	public DataScope subtreeOf(long unitId) {
		return jdbc.sql("SELECT path FROM unit WHERE id = :id")
			.param("id", unitId)
			.query(String.class)
			.optional()
			.map(DataScope::subtree)
			.orElse(DataScope.none());
	}

	private OfficerRef officer(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
		return new OfficerRef(rs.getLong("id"), rs.getString("badge_no"), rs.getString("name"), rs.getLong("unit_id"),
				rs.getString("unit_name"), OfficerStatus.valueOf(rs.getString("status")));
	}

}
