package cn.shouhu.audit.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import cn.shouhu.shared.PersonalData;

/**
 * The detail column: a JSON object with sorted keys, in which every value is masked by its field name with
 * {@link PersonalData#mask(String, Object)} — at the top level of before/after and inside nested objects, lists
 * and value objects alike — so no phone number, ID number or password ever reaches the trail.
 */
public final class DetailJson {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private DetailJson() {
	}

	/** {"before": {...}, "after": {...}}, leaving out a side that is null; null if both are. */
	public static String beforeAfter(Map<String, ?> before, Map<String, ?> after) {
		Map<String, Object> detail = new LinkedHashMap<>();
		if (before != null) {
			detail.put("before", maskedMap(before));
		}
		if (after != null) {
			detail.put("after", maskedMap(after));
		}
		return detail.isEmpty() ? null : JSON.writeValueAsString(detail);
	}

	/** Any other detail (a sign-in's failure type, a denied rule), masked the same way. */
	public static String of(Map<String, ?> values) {
		return values == null || values.isEmpty() ? null : JSON.writeValueAsString(maskedMap(values));
	}

	/** Reads a detail back for display: nested maps, lists and plain values. */
	public static Map<String, Object> parse(String detail) {
		if (detail == null || detail.isBlank()) {
			return Map.of();
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> map = JSON.readValue(detail, LinkedHashMap.class);
		return map;
	}

	private static Map<String, Object> maskedMap(Map<?, ?> map) {
		Map<String, Object> masked = new TreeMap<>();
		map.forEach((key, value) -> {
			String field = String.valueOf(key);
			masked.put(field, masked(field, value));
		});
		return masked;
	}

	private static Object masked(String field, Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Map<?, ?> map) {
			return PersonalData.isSensitiveField(field) ? PersonalData.mask(field, value) : maskedMap(map);
		}
		if (value instanceof Collection<?> collection) {
			List<Object> list = new ArrayList<>(collection.size());
			collection.forEach(element -> list.add(masked(field, element)));
			return list;
		}
		if (value.getClass().isArray() && !(value instanceof byte[]) && !(value instanceof char[])) {
			List<Object> list = new ArrayList<>();
			for (int i = 0; i < Array.getLength(value); i++) {
				list.add(masked(field, Array.get(value, i)));
			}
			return list;
		}
		if (value instanceof char[] chars) {
			return PersonalData.mask(field, new String(chars));
		}
		if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
				|| value instanceof Character) {
			return PersonalData.mask(field, value instanceof CharSequence text ? text.toString() : value);
		}
		// Enums, dates, records and other value objects: their JSON form, then masked like any other value.
		Object plain;
		try {
			plain = JSON.convertValue(value, Object.class);
		}
		catch (JacksonException e) {
			plain = value.toString();
		}
		if (plain instanceof Map<?, ?> || plain instanceof Collection<?>) {
			return masked(field, plain);
		}
		return plain == null ? null : PersonalData.mask(field, plain);
	}

}
