package cn.shouhu.organization.web;

import java.util.List;
import java.util.Set;

import org.springframework.validation.BindingResult;

import cn.shouhu.organization.internal.RejectedInput;
import cn.shouhu.organization.internal.Violation;
import cn.shouhu.shared.InvalidInputException;

/** Puts a service's verdict beside the form fields it concerns; the rest goes at the top of the form. */
final class FormErrors {

	private FormErrors() {
	}

	static void apply(BindingResult binding, InvalidInputException e, Set<String> fields) {
		List<Violation> violations = e instanceof RejectedInput rejected ? rejected.violations()
				: List.of(new Violation(e.field(), e.messageKey(), e.args()));
		for (Violation violation : violations) {
			if (violation.field() != null && fields.contains(violation.field())) {
				binding.rejectValue(violation.field(), violation.messageKey(), violation.args(), violation.messageKey());
			}
			else {
				binding.reject(violation.messageKey(), violation.args(), violation.messageKey());
			}
		}
	}

}
