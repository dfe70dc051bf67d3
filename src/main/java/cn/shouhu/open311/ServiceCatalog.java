package cn.shouhu.open311;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.shouhu.matters.MatterCategories;
import cn.shouhu.matters.MatterCategory;
import cn.shouhu.matters.MatterKind;

/**
 * The GeoReport services: one per active category of the dictionary ({@code service_code} = category code), each
 * with the attributes a matter needs beyond the spec's fields — above all its kind (求助, 咨询, 投诉, 举报, 建议,
 * 表扬), which decides its time limits and whether it may be anonymous.
 */
@Component
class ServiceCatalog {

	/** The category whose matters speak for an enterprise: it asks for the enterprise's name and credit code. */
	static final String ENTERPRISE = "ENTERPRISE";

	static final String KIND = "kind";

	static final String ANONYMOUS = "anonymous";

	static final String TITLE = "title";

	static final String COMMUNITY = "community";

	static final String ENTERPRISE_NAME = "enterprise_name";

	static final String CREDIT_CODE = "credit_code";

	private final MatterCategories categories;

	private final MessageSource messages;

	ServiceCatalog(MatterCategories categories, MessageSource messages) {
		this.categories = categories;
		this.messages = messages;
	}

	/** The active categories: an inactive one takes no new matters, so no app may offer it. */
	List<MatterCategory> services() {
		return categories.all().stream().filter(MatterCategory::active).toList();
	}

	Optional<MatterCategory> service(String code) {
		return categories.find(code).filter(MatterCategory::active);
	}

	MatterCategory require(String code) {
		return service(code).orElseThrow(() -> Open311Exception.of(HttpStatus.NOT_FOUND, "open311.error.service"));
	}

	List<Map<String, Object>> servicesDocument(Locale locale) {
		return services().stream().map(category -> {
			Map<String, Object> service = new LinkedHashMap<>();
			service.put("service_code", category.code());
			service.put("service_name", category.name());
			service.put("description", description(category, locale));
			service.put("metadata", true);
			service.put("type", "realtime");
			service.put("keywords", text("open311.service.keywords", locale));
			service.put("group", text("open311.service.group", locale));
			return (Map<String, Object>) service;
		}).toList();
	}

	Map<String, Object> definitionDocument(String code, Locale locale) {
		MatterCategory category = require(code);
		List<Object> attributes = new ArrayList<>();
		int order = 1;
		List<Map<String, Object>> kinds = new ArrayList<>();
		for (MatterKind kind : MatterKind.values()) {
			kinds.add(value(kind.name(), text("matters.kind." + kind.name(), locale)));
		}
		attributes.add(attribute(KIND, "singlevaluelist", true, order++, locale, kinds));
		attributes.add(attribute(ANONYMOUS, "singlevaluelist", false, order++, locale,
				List.of(value("false", text("open311.value.no", locale)), value("true", text("open311.value.yes", locale)))));
		attributes.add(attribute(TITLE, "string", false, order++, locale, null));
		attributes.add(attribute(COMMUNITY, "string", false, order++, locale, null));
		if (ENTERPRISE.equals(category.code())) {
			attributes.add(attribute(ENTERPRISE_NAME, "string", true, order++, locale, null));
			attributes.add(attribute(CREDIT_CODE, "string", false, order++, locale, null));
		}
		Map<String, Object> definition = new LinkedHashMap<>();
		definition.put("service_code", category.code());
		definition.put("attributes", attributes);
		return definition;
	}

	private Map<String, Object> attribute(String code, String datatype, boolean required, int order, Locale locale,
			List<Map<String, Object>> values) {
		Map<String, Object> attribute = new LinkedHashMap<>();
		attribute.put("variable", true);
		attribute.put("code", code);
		attribute.put("datatype", datatype);
		attribute.put("required", required);
		attribute.put("datatype_description", text("open311.attribute." + code + ".format", locale));
		attribute.put("order", order);
		attribute.put("description", text("open311.attribute." + code, locale));
		if (values != null) {
			attribute.put("values", values);
		}
		return attribute;
	}

	private static Map<String, Object> value(String key, String name) {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("key", key);
		value.put("name", name);
		return value;
	}

	/** The bundle's description of a seeded category; a category an administrator added shows its name. */
	private String description(MatterCategory category, Locale locale) {
		return messages.getMessage("open311.service." + category.code(), null, category.name(), locale);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
