package cn.shouhu.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service catalogue ({@code portal_service_item}) as the public sees it. It is read from the table on every
 * use, so a change made by staff shows on every node at once.
 */
@Service
public class ServiceCatalogue {

	private static final String COLUMNS = """
			SELECT id, name, description, handling_mode, category_code, where_to_go, sort_order, active, version
			  FROM portal_service_item
			""";

	private final JdbcClient jdbc;

	ServiceCatalogue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The items shown on the portal, in the administrators' order. */
	@Transactional(readOnly = true)
	public List<ServiceItem> offered() {
		return jdbc.sql(COLUMNS + " WHERE active = TRUE ORDER BY sort_order, id").query((rs, n) -> item(rs)).list();
	}

	/** Every item, active ones first, for the staff page. */
	@Transactional(readOnly = true)
	public List<ServiceItem> all() {
		return jdbc.sql(COLUMNS + " ORDER BY active DESC, sort_order, id").query((rs, n) -> item(rs)).list();
	}

	@Transactional(readOnly = true)
	public Optional<ServiceItem> find(long id) {
		return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query((rs, n) -> item(rs)).optional();
	}

	private static ServiceItem item(ResultSet rs) throws SQLException {
		return new ServiceItem(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
				HandlingMode.valueOf(rs.getString("handling_mode")), rs.getString("category_code"),
				rs.getString("where_to_go"), rs.getInt("sort_order"), rs.getBoolean("active"), rs.getInt("version"));
	}

}
