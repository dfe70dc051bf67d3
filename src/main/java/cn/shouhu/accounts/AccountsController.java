package cn.shouhu.accounts;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.Role;

/** 账号管理: the security administrator's pages. */
@Controller
@RequestMapping("/accounts")
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class AccountsController {

	private static final Set<Integer> PAGE_SIZES = Set.of(20, 50, 100);

	private final AccountAdministration administration;

	private final AccountWorkbook workbook;

	AccountsController(AccountAdministration administration, AccountWorkbook workbook) {
		this.administration = administration;
		this.workbook = workbook;
	}

	record NewAccountForm(String username, String badgeNo, Set<Role> roles, String initialPassword) {
	}

	record RolesForm(Set<Role> roles, int version) {
	}

	@ModelAttribute("allRoles")
	Role[] allRoles() {
		return Role.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Model model) {
		int pageSize = PAGE_SIZES.contains(size) ? size : 20;
		AccountAdministration.AccountSort order = AccountAdministration.AccountSort.parse(sort);
		model.addAttribute("q", q);
		model.addAttribute("sort", order.name());
		model.addAttribute("result", administration.list(q, order, Math.max(0, page), pageSize));
		return "accounts/list";
	}

	@GetMapping("/export.xlsx")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, Locale locale) {
		List<AccountAdministration.AccountRow> rows = administration.all(q,
				AccountAdministration.AccountSort.parse(sort));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("accounts.xlsx").build().toString())
			.body(out -> workbook.write(rows, locale, out));
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", new NewAccountForm("", "", EnumSet.noneOf(Role.class), ""));
		return "accounts/new";
	}

	@PostMapping
	String create(@ModelAttribute("form") NewAccountForm form, BindingResult binding, RedirectAttributes redirect) {
		try {
			long id = administration.open(form.username(), form.badgeNo(),
					form.roles() == null ? Set.of() : form.roles(), form.initialPassword());
			redirect.addFlashAttribute("flashSuccess", "accounts.created");
			return "redirect:/accounts/" + id;
		}
		catch (InvalidInputException e) {
			binding.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
			return "accounts/new";
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		AccountAdministration.AccountRow account = administration.find(id);
		model.addAttribute("account", account);
		model.addAttribute("rolesForm", new RolesForm(account.roles(), administration.version(id)));
		return "accounts/show";
	}

	@PostMapping("/{id}/roles")
	String roles(@PathVariable long id, @ModelAttribute("rolesForm") RolesForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		try {
			administration.assignRoles(id, form.version(), form.roles() == null ? Set.of() : form.roles());
		}
		catch (InvalidInputException e) {
			binding.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
			model.addAttribute("account", administration.find(id));
			return "accounts/show";
		}
		redirect.addFlashAttribute("flashSuccess", "accounts.rolesSaved");
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @RequestParam String newPassword, RedirectAttributes redirect) {
		try {
			administration.resetPassword(id, newPassword);
			redirect.addFlashAttribute("flashSuccess", "accounts.passwordReset");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("flashError", e.messageKey());
		}
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, RedirectAttributes redirect) {
		administration.disable(id);
		redirect.addFlashAttribute("flashSuccess", "accounts.disabled");
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, RedirectAttributes redirect) {
		administration.enable(id);
		redirect.addFlashAttribute("flashSuccess", "accounts.enabled");
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		administration.unlock(id);
		redirect.addFlashAttribute("flashSuccess", "accounts.unlocked");
		return "redirect:/accounts/" + id;
	}

}
