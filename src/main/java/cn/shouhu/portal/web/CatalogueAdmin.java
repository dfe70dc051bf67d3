package cn.shouhu.portal.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.matters.MatterCategories;
import cn.shouhu.matters.MatterCategory;
import cn.shouhu.portal.HandlingMode;
import cn.shouhu.portal.ServiceCatalogue;
import cn.shouhu.portal.ServiceItem;
import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.NotFoundException;

/**
 * Edits the service catalogue ({@code portal_service_item}), each change audited with the fields before and
 * after. Items are deactivated, never deleted.
 */
@Service
class CatalogueAdmin {

	static final String MODULE = "portal";

	static final String TARGET = "portal_service_item";

	private final JdbcClient jdbc;

	private final ServiceCatalogue catalogue;

	private final MatterCategories categories;

	private final AuditTrail audit;

	private final Clock clock;

	CatalogueAdmin(JdbcClient jdbc, ServiceCatalogue catalogue, MatterCategories categories, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.categories = categories;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every rule, each failure a message beside its field. */
	void check(CatalogueForm form, Errors errors) {
		String name = CatalogueForm.stripped(form.getName());
		if (name.isEmpty() || name.length() > 50) {
			errors.rejectValue("name", "portal.catalogue.name.invalid");
		}
		String description = CatalogueForm.stripped(form.getDescription());
		if (description.isEmpty() || description.length() > 500) {
			errors.rejectValue("description", "portal.catalogue.description.invalid");
		}
		if (mode(form) == null) {
			errors.rejectValue("mode", "portal.catalogue.mode.invalid");
		}
		String category = CatalogueForm.stripped(form.getCategoryCode());
		if (!category.isEmpty() && categories.find(category).filter(MatterCategory::active).isEmpty()) {
			errors.rejectValue("categoryCode", "portal.catalogue.category.invalid");
		}
		if (CatalogueForm.stripped(form.getWhereToGo()).length() > 200) {
			errors.rejectValue("whereToGo", "portal.catalogue.whereToGo.tooLong");
		}
		if (sortOrder(form) == null) {
			errors.rejectValue("sortOrder", "portal.catalogue.sortOrder.invalid");
		}
	}

	@Transactional
	long add(CatalogueForm form) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO portal_service_item (name, description, handling_mode, category_code, where_to_go,
				        sort_order, active, updated_at)
				VALUES (:name, :description, :mode, :category, :where, :sortOrder, :active, :at)
				""")
			.param("name", CatalogueForm.stripped(form.getName()))
			.param("description", CatalogueForm.stripped(form.getDescription()))
			.param("mode", mode(form).name())
			.param("category", emptyToNull(form.getCategoryCode()))
			.param("where", emptyToNull(form.getWhereToGo()))
			.param("sortOrder", sortOrder(form))
			.param("active", form.isActive())
			.param("at", Timestamp.from(clock.instant()))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		audit.record(AuditRecord.created(MODULE, TARGET, id, fields(require(id))));
		return id;
	}

	@Transactional
	void edit(long id, CatalogueForm form) {
		ServiceItem before = require(id);
		int updated = jdbc.sql("""
				UPDATE portal_service_item
				   SET name = :name, description = :description, handling_mode = :mode, category_code = :category,
				       where_to_go = :where, sort_order = :sortOrder, active = :active, version = version + 1,
				       updated_at = :at
				 WHERE id = :id AND version = :version
				""")
			.param("name", CatalogueForm.stripped(form.getName()))
			.param("description", CatalogueForm.stripped(form.getDescription()))
			.param("mode", mode(form).name())
			.param("category", emptyToNull(form.getCategoryCode()))
			.param("where", emptyToNull(form.getWhereToGo()))
			.param("sortOrder", sortOrder(form))
			.param("active", form.isActive())
			.param("at", Timestamp.from(clock.instant()))
			.param("id", id)
			.param("version", form.getVersion())
			.update();
		if (updated == 0) {
			throw new ConflictException("portal.catalogue.stale");
		}
		audit.record(AuditRecord.updated(MODULE, TARGET + ".update", TARGET, id, fields(before), fields(require(id))));
	}

	ServiceItem require(long id) {
		return catalogue.find(id).orElseThrow(() -> new NotFoundException("portal.catalogue.notFound"));
	}

	private static Map<String, Object> fields(ServiceItem item) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", item.name());
		fields.put("description", item.description());
		fields.put("mode", item.mode().name());
		fields.put("categoryCode", item.categoryCode());
		fields.put("whereToGo", item.whereToGo());
		fields.put("sortOrder", item.sortOrder());
		fields.put("active", item.active());
		return fields;
	}

	private static HandlingMode mode(CatalogueForm form) {
		String mode = CatalogueForm.stripped(form.getMode());
		return Arrays.stream(HandlingMode.values()).filter(m -> m.name().equals(mode)).findFirst().orElse(null);
	}

	private static Integer sortOrder(CatalogueForm form) {
		try {
			int value = Integer.parseInt(CatalogueForm.stripped(form.getSortOrder()));
			return value < 0 || value > 9999 ? null : value;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static String emptyToNull(String text) {
		String stripped = CatalogueForm.stripped(text);
		return stripped.isEmpty() ? null : stripped;
	}

}
