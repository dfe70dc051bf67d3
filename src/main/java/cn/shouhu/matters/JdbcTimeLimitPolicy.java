package cn.shouhu.matters;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.shouhu.matters.TimeLimits.Limit;
import cn.shouhu.matters.TimeLimits.Unit;

/** The {@code time_limit_policy} table. It is small and read at dispatch time, so it is read whole each time. */
@Component
class JdbcTimeLimitPolicy implements TimeLimitPolicy {

	private final JdbcClient jdbc;

	JdbcTimeLimitPolicy(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One row: null category or urgency stands for any. */
	record Row(MatterKind kind, String categoryCode, Urgency urgency, TimeLimits limits) {

		boolean matches(MatterKind wantedKind, String wantedCategory, Urgency wantedUrgency) {
			return kind == wantedKind && (categoryCode == null || categoryCode.equals(wantedCategory))
					&& (urgency == null || urgency == wantedUrgency);
		}

		/** A named category counts more than a named urgency, so either order of evaluation gives one answer. */
		int specificity() {
			return (categoryCode == null ? 0 : 2) + (urgency == null ? 0 : 1);
		}

	}

	static Optional<TimeLimits> mostSpecific(List<Row> rows, MatterKind kind, String categoryCode, Urgency urgency) {
		return rows.stream()
			.filter(row -> row.matches(kind, categoryCode, urgency))
			.max(Comparator.comparingInt(Row::specificity))
			.map(Row::limits);
	}

	@Override
	public Optional<TimeLimits> limitsFor(MatterKind kind, String categoryCode, Urgency urgency) {
		return mostSpecific(rows(kind), kind, categoryCode, urgency);
	}

	private List<Row> rows(MatterKind kind) {
		return jdbc.sql("""
				SELECT kind, category_code, urgency, sign_amount, sign_unit, reply_amount, reply_unit,
				       close_amount, close_unit, extension_days, return_days, reopen_days
				  FROM time_limit_policy
				 WHERE kind = :kind
				""")
			.param("kind", kind.name())
			.query((rs, n) -> new Row(MatterKind.valueOf(rs.getString("kind")), rs.getString("category_code"),
					rs.getString("urgency") == null ? null : Urgency.valueOf(rs.getString("urgency")),
					new TimeLimits(
							new Limit(rs.getInt("sign_amount"), Unit.valueOf(rs.getString("sign_unit"))),
							new Limit(rs.getInt("reply_amount"), Unit.valueOf(rs.getString("reply_unit"))),
							new Limit(rs.getInt("close_amount"), Unit.valueOf(rs.getString("close_unit"))),
							rs.getInt("extension_days"), rs.getInt("return_days"), rs.getInt("reopen_days"))))
			.list();
	}

}
