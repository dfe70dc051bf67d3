package cn.shouhu.accounts;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.InvalidInputException;

/** 修改密码: every staff member, and the first page of an account whose password an administrator set. */
@Controller
@RequestMapping("/account/password")
class PasswordController {

	private final PasswordChange passwordChange;

	private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

	PasswordController(PasswordChange passwordChange) {
		this.passwordChange = passwordChange;
	}

	record PasswordForm(String currentPassword, String newPassword, String confirmation) {
	}

	@ModelAttribute("mustChange")
	boolean mustChange(Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal
				&& principal.mustChangePassword();
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("form", new PasswordForm("", "", ""));
		return "accounts/password";
	}

	@PostMapping
	String change(@ModelAttribute("form") PasswordForm form, BindingResult binding, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			passwordChange.change(CurrentStaff.require().accountId(), form.currentPassword(), form.newPassword(),
					form.confirmation());
		}
		catch (InvalidInputException e) {
			binding.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
			return "accounts/password";
		}
		// The session keeps the signed-in principal: it must forget that a change was due.
		StaffPrincipal principal = ((StaffPrincipal) authentication.getPrincipal()).withPasswordChanged();
		Authentication updated = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				authentication.getAuthorities());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(updated);
		SecurityContextHolder.setContext(context);
		contextRepository.saveContext(context, request, response);
		redirect.addFlashAttribute("flashSuccess", "accounts.password.changed");
		return "redirect:/";
	}

}
