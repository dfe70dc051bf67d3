package cn.shouhu.matters;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.organization.UnitType;

/** The category dictionary ({@code matter_category}): what intake and dispatch forms offer. */
@Component
public class MatterCategories {

	private final JdbcClient jdbc;

	MatterCategories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every category, active ones first, in the administrator's order. */
	@Transactional(readOnly = true)
	public List<MatterCategory> all() {
		return jdbc.sql("""
				SELECT code, name, lead_unit_type, default_unit_id, sort_order, active
				  FROM matter_category
				 ORDER BY active DESC, sort_order, code
				""").query((rs, n) -> new MatterCategory(rs.getString("code"), rs.getString("name"),
						UnitType.valueOf(rs.getString("lead_unit_type")), rs.getObject("default_unit_id", Long.class),
						rs.getInt("sort_order"), rs.getBoolean("active")))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<MatterCategory> find(String code) {
		if (code == null) {
			return Optional.empty();
		}
		return all().stream().filter(category -> category.code().equals(code)).findFirst();
	}

}
