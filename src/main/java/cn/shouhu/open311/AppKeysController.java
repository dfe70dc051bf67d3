package cn.shouhu.open311;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.shouhu.open311.ApiKeys.IssuedKey;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.InvalidInputException;

/**
 * Open311 应用: the system administrator issues, lists and revokes the api_keys of third-party apps. Outside
 * {@code /open311/**} on purpose: this is a staff page, behind sign-in, session and CSRF token.
 */
@Controller
@RequestMapping("/system/open311-apps")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class AppKeysController {

	/** What the issue form binds. */
	record AppForm(String appName, String contact) {
	}

	private final ApiKeys keys;

	AppKeysController(ApiKeys keys) {
		this.keys = keys;
	}

	@GetMapping
	String list(Model model) {
		return page(new AppForm(null, null), model);
	}

	/**
	 * Shows the new key in the answer to the POST itself rather than after a redirect: a flash attribute would be
	 * written to the session table, and the key must exist nowhere but on this one screen. The answer is not cached.
	 */
	@PostMapping
	String issue(AppForm form, Model model, HttpServletResponse response) {
		IssuedKey issued;
		try {
			issued = keys.issue(form.appName(), form.contact(), CurrentStaff.require().username());
		}
		catch (InvalidInputException e) {
			model.addAttribute("formError", e.messageKey());
			return page(form, model);
		}
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		model.addAttribute("issued", issued);
		return "open311/issued";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		keys.revoke(id, CurrentStaff.require().username());
		redirect.addFlashAttribute("flashSuccess", "open311.keys.revokedFlash");
		return "redirect:/system/open311-apps";
	}

	private String page(AppForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("keys", keys.all());
		return "open311/apps";
	}

}
