package cn.shouhu.matters.policies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.matters.MatterCategories;
import cn.shouhu.matters.MatterCategory;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.UnitRef;
import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.NotFoundException;

/**
 * Edits the category dictionary ({@code matter_category}). {@link MatterCategories} reads the table on every use,
 * so a change shows on every node at once. Categories are deactivated, never deleted: old matters name them.
 */
@Service
class CategoryAdmin {

	static final String TARGET = "matter_category";

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]{0,29}");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final MatterCategories categories;

	private final OrganizationDirectory directory;

	CategoryAdmin(JdbcClient jdbc, AuditTrail audit, MatterCategories categories, OrganizationDirectory directory) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.categories = categories;
		this.directory = directory;
	}

	@Transactional(readOnly = true)
	List<MatterCategory> all() {
		return categories.all();
	}

	/** The units a category may name as its fixed lead unit. */
	List<UnitRef> units() {
		return directory.activeUnits();
	}

	@Transactional(readOnly = true)
	CategoryForm form(String code) {
		MatterCategory category = categories.find(code)
			.orElseThrow(() -> new NotFoundException("matters-policies.category.notFound"));
		return CategoryForm.of(category, version(code));
	}

	void check(CategoryForm form, boolean adding, Errors errors) {
		if (adding && !CODE.matcher(form.codeStripped()).matches()) {
			errors.rejectValue("code", "matters-policies.category.code.invalid");
		}
		if (form.nameStripped().isEmpty() || form.nameStripped().length() > 50) {
			errors.rejectValue("name", "matters-policies.category.name.invalid");
		}
		if (form.getLeadUnitType() == null) {
			errors.rejectValue("leadUnitType", "matters-policies.field.required");
		}
		if (form.getDefaultUnitId() != null
				&& units().stream().noneMatch(unit -> unit.id() == form.getDefaultUnitId())) {
			errors.rejectValue("defaultUnitId", "matters-policies.category.unit.inactive");
		}
		if (!errors.hasFieldErrors("sortOrder") && form.getSortOrder() != null
				&& (form.getSortOrder() < 0 || form.getSortOrder() > 9999)) {
			errors.rejectValue("sortOrder", "matters-policies.field.range", new Object[] { "0", "9999" }, null);
		}
	}

	@Transactional
	void add(CategoryForm form) {
		String code = form.codeStripped();
		if (categories.find(code).isPresent()) {
			throw InvalidInputException.onField("code", "matters-policies.category.code.taken");
		}
		try {
			jdbc.sql("""
					INSERT INTO matter_category (code, name, lead_unit_type, default_unit_id, sort_order, active,
					        updated_at)
					VALUES (:code, :name, :type, :unit, :sortOrder, :active, CURRENT_TIMESTAMP)
					""")
				.param("code", code)
				.param("name", form.nameStripped())
				.param("type", form.getLeadUnitType().name())
				.param("unit", form.getDefaultUnitId())
				.param("sortOrder", sortOrder(form))
				.param("active", form.isActive())
				.update();
		}
		catch (DuplicateKeyException e) {
			throw InvalidInputException.onField("code", "matters-policies.category.code.taken");
		}
		audit.record(AuditRecord.created(PolicyAdmin.MODULE, TARGET, code, fields(categories.find(code).orElseThrow())));
	}

	@Transactional
	void edit(String code, CategoryForm form) {
		MatterCategory before = categories.find(code)
			.orElseThrow(() -> new NotFoundException("matters-policies.category.notFound"));
		int updated = jdbc.sql("""
				UPDATE matter_category
				   SET name = :name, lead_unit_type = :type, default_unit_id = :unit, sort_order = :sortOrder,
				       active = :active, version = version + 1, updated_at = CURRENT_TIMESTAMP
				 WHERE code = :code AND version = :version
				""")
			.param("name", form.nameStripped())
			.param("type", form.getLeadUnitType().name())
			.param("unit", form.getDefaultUnitId())
			.param("sortOrder", sortOrder(form))
			.param("active", form.isActive())
			.param("code", code)
			.param("version", form.getVersion())
			.update();
		if (updated == 0) {
			throw new ConflictException("matters-policies.stale");
		}
		audit.record(AuditRecord.updated(PolicyAdmin.MODULE, TARGET + ".update", TARGET, code, fields(before),
				fields(categories.find(code).orElseThrow())));
	}

	private static int sortOrder(CategoryForm form) {
		return form.getSortOrder() == null ? 0 : form.getSortOrder();
	}

	private int version(String code) {
		return jdbc.sql("SELECT version FROM matter_category WHERE code = :code")
			.param("code", code)
			.query(Integer.class)
			.single();
	}

	private static Map<String, Object> fields(MatterCategory category) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("code", category.code());
		fields.put("name", category.name());
		fields.put("leadUnitType", category.leadUnitType().name());
		fields.put("defaultUnitId", category.defaultUnitId());
		fields.put("sortOrder", category.sortOrder());
		fields.put("active", category.active());
		return fields;
	}

}
