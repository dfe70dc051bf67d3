package cn.shouhu.matters.policies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.matters.MatterCategories;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.TimeLimits.Unit;
import cn.shouhu.matters.Urgency;
import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.NotFoundException;

/**
 * Edits {@code time_limit_policy}. Nothing caches the rows (the core reads them at each dispatch), so a change
 * applies on every node to the deadlines computed from then on; deadlines already set stay as they are.
 */
@Service
class PolicyAdmin {

	static final String MODULE = "matters";

	static final String TARGET = "time_limit_policy";

	/** A limit counted in working minutes is at most ten working days of eight hours. */
	static final int MAX_MINUTES = 4800;

	static final int MAX_LIMIT_DAYS = 60;

	static final int MAX_EXTENSION_DAYS = 60;

	static final int MAX_WINDOW_DAYS = 30;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final MatterCategories categories;

	PolicyAdmin(JdbcClient jdbc, AuditTrail audit, MatterCategories categories) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.categories = categories;
	}

	@Transactional(readOnly = true)
	List<PolicyRow> all() {
		return jdbc.sql(SELECT + " ORDER BY kind, category_code NULLS FIRST, urgency NULLS FIRST, id")
			.query(PolicyAdmin::row)
			.list()
			.stream()
			.sorted((a, b) -> Integer.compare(a.kind().ordinal(), b.kind().ordinal()))
			.toList();
	}

	@Transactional(readOnly = true)
	PolicyRow get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("matters-policies.policy.notFound"));
	}

	/** Puts every out-of-range number beside its field; the unique key is checked on save. */
	void check(PolicyForm form, Errors errors) {
		if (form.getKind() == null) {
			errors.rejectValue("kind", "matters-policies.field.required");
		}
		if (form.categoryOrNull() != null && categories.find(form.categoryOrNull()).isEmpty()) {
			errors.rejectValue("categoryCode", "matters-policies.policy.category.unknown");
		}
		limit(errors, "signAmount", form.getSignAmount(), "signUnit", form.getSignUnit());
		limit(errors, "replyAmount", form.getReplyAmount(), "replyUnit", form.getReplyUnit());
		limit(errors, "closeAmount", form.getCloseAmount(), "closeUnit", form.getCloseUnit());
		days(errors, "extensionDays", form.getExtensionDays(), MAX_EXTENSION_DAYS);
		days(errors, "returnDays", form.getReturnDays(), MAX_WINDOW_DAYS);
		days(errors, "reopenDays", form.getReopenDays(), MAX_WINDOW_DAYS);
	}

	private static void limit(Errors errors, String amountField, Integer amount, String unitField, Unit unit) {
		if (unit == null) {
			errors.rejectValue(unitField, "matters-policies.field.required");
		}
		if (errors.hasFieldErrors(amountField)) {
			return;
		}
		int max = unit == Unit.WORKING_MINUTES ? MAX_MINUTES : MAX_LIMIT_DAYS;
		if (amount == null || amount < 1 || amount > max) {
			errors.rejectValue(amountField, "matters-policies.field.range", new Object[] { "1", String.valueOf(max) }, null);
		}
	}

	private static void days(Errors errors, String field, Integer days, int max) {
		if (!errors.hasFieldErrors(field) && (days == null || days < 0 || days > max)) {
			errors.rejectValue(field, "matters-policies.field.range", new Object[] { "0", String.valueOf(max) }, null);
		}
	}

	/** 新增: one row per kind × category × urgency; a duplicate is refused beside the kind. */
	@Transactional
	long add(PolicyForm form) {
		String category = form.categoryOrNull();
		if (all().stream().anyMatch(row -> row.hasKey(form.getKind(), category, form.getUrgency()))) {
			throw InvalidInputException.onField("kind", "matters-policies.policy.duplicate");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO time_limit_policy (kind, category_code, urgency, sign_amount, sign_unit, reply_amount,
					        reply_unit, close_amount, close_unit, extension_days, return_days, reopen_days, updated_at)
					VALUES (:kind, :category, :urgency, :signAmount, :signUnit, :replyAmount, :replyUnit, :closeAmount,
					        :closeUnit, :extensionDays, :returnDays, :reopenDays, CURRENT_TIMESTAMP)
					""")
				.param("kind", form.getKind().name())
				.param("category", category)
				.param("urgency", form.getUrgency() == null ? null : form.getUrgency().name())
				.param("signAmount", form.getSignAmount())
				.param("signUnit", form.getSignUnit().name())
				.param("replyAmount", form.getReplyAmount())
				.param("replyUnit", form.getReplyUnit().name())
				.param("closeAmount", form.getCloseAmount())
				.param("closeUnit", form.getCloseUnit().name())
				.param("extensionDays", form.getExtensionDays())
				.param("returnDays", form.getReturnDays())
				.param("reopenDays", form.getReopenDays())
				.update(keys, "id");
		}
		catch (DuplicateKeyException e) {
			// Another administrator added the same row between the check and the insert.
			throw InvalidInputException.onField("kind", "matters-policies.policy.duplicate");
		}
		long id = keys.getKeyAs(Number.class).longValue();
		audit.record(AuditRecord.created(MODULE, TARGET, id, get(id).auditFields()));
		return id;
	}

	/** 修改: the limits of one row; the version catches a form gone stale (409). */
	@Transactional
	void edit(long id, PolicyForm form) {
		PolicyRow before = get(id);
		int updated = jdbc.sql("""
				UPDATE time_limit_policy
				   SET sign_amount = :signAmount, sign_unit = :signUnit, reply_amount = :replyAmount,
				       reply_unit = :replyUnit, close_amount = :closeAmount, close_unit = :closeUnit,
				       extension_days = :extensionDays, return_days = :returnDays, reopen_days = :reopenDays,
				       version = version + 1, updated_at = CURRENT_TIMESTAMP
				 WHERE id = :id AND version = :version
				""")
			.param("signAmount", form.getSignAmount())
			.param("signUnit", form.getSignUnit().name())
			.param("replyAmount", form.getReplyAmount())
			.param("replyUnit", form.getReplyUnit().name())
			.param("closeAmount", form.getCloseAmount())
			.param("closeUnit", form.getCloseUnit().name())
			.param("extensionDays", form.getExtensionDays())
			.param("returnDays", form.getReturnDays())
			.param("reopenDays", form.getReopenDays())
			.param("id", id)
			.param("version", form.getVersion())
			.update();
		if (updated == 0) {
			throw new ConflictException("matters-policies.stale");
		}
		audit.record(AuditRecord.updated(MODULE, TARGET + ".update", TARGET, id, before.auditFields(),
				get(id).auditFields()));
	}

	/** 删除: any row but a kind's catch-all, which every dispatch of that kind falls back on. */
	@Transactional
	void delete(long id) {
		PolicyRow before = get(id);
		if (before.catchAll()) {
			throw new InvalidInputException("matters-policies.policy.catchAllKept");
		}
		jdbc.sql("DELETE FROM time_limit_policy WHERE id = :id").param("id", id).update();
		audit.record(AuditRecord.deleted(MODULE, TARGET, id, before.auditFields()));
	}

	private Optional<PolicyRow> find(long id) {
		return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(PolicyAdmin::row).optional();
	}

	private static final String SELECT = """
			SELECT id, kind, category_code, urgency, sign_amount, sign_unit, reply_amount, reply_unit, close_amount,
			       close_unit, extension_days, return_days, reopen_days, version
			  FROM time_limit_policy
			""";

	private static PolicyRow row(ResultSet rs, int n) throws SQLException {
		String urgency = rs.getString("urgency");
		return new PolicyRow(rs.getLong("id"), MatterKind.valueOf(rs.getString("kind")), rs.getString("category_code"),
				urgency == null ? null : Urgency.valueOf(urgency), rs.getInt("sign_amount"),
				Unit.valueOf(rs.getString("sign_unit")), rs.getInt("reply_amount"), Unit.valueOf(rs.getString("reply_unit")),
				rs.getInt("close_amount"), Unit.valueOf(rs.getString("close_unit")), rs.getInt("extension_days"),
				rs.getInt("return_days"), rs.getInt("reopen_days"), rs.getInt("version"));
	}

}
