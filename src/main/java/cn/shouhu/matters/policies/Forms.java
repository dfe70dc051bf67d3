package cn.shouhu.matters.policies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.validation.BindingResult;

import cn.shouhu.matters.MatterCategory;
import cn.shouhu.shared.InvalidInputException;

/** What the two controllers share: a service's verdict beside its field, and category names for display. */
final class Forms {

	private Forms() {
	}

	static void reject(BindingResult binding, InvalidInputException e) {
		if (e.field() != null) {
			binding.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
		}
		else {
			binding.reject(e.messageKey(), e.args(), e.messageKey());
		}
	}

	static Map<String, String> categoryNames(List<MatterCategory> categories) {
		Map<String, String> names = new LinkedHashMap<>();
		categories.forEach(category -> names.put(category.code(), category.name()));
		return names;
	}

}
