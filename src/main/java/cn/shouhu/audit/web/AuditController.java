package cn.shouhu.audit.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.shouhu.audit.internal.AuditProperties;
import cn.shouhu.audit.internal.AuditorDesk;
import cn.shouhu.audit.internal.ChainVerification;
import cn.shouhu.audit.internal.ChainVerifier;
import cn.shouhu.audit.internal.Outcome;

/** 审计日志: the auditor's view of the trail — filter, page, export, verify. Nobody else may open it. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final List<String> EXPORT_HEADERS = List.of("id", "time", "actor", "actorUnitId", "ip", "module",
			"action", "outcome", "targetType", "targetId", "detail", "prevHash", "hash");

	private final AuditorDesk desk;

	private final MessageSource messages;

	private final ZoneId zone;

	private final int retentionDays;

	AuditController(AuditorDesk desk, MessageSource messages, AuditProperties properties,
			@Value("${shouhu.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.desk = desk;
		this.messages = messages;
		this.zone = zone;
		this.retentionDays = properties.retentionDays();
	}

	@GetMapping
	String list(@ModelAttribute("filter") AuditFilter filter, Model model) {
		AuditorDesk.Page page = desk.list(filter.toQuery(zone), filter.order(), filter.pageNumber(),
				filter.pageSize());
		model.addAttribute("page", page);
		model.addAttribute("rows", page.rows().stream().map(event -> AuditRow.of(event, zone)).toList());
		model.addAttribute("pageUrls", new PageUrls(filter));
		model.addAttribute("exportUrl", filter.exportUrl());
		model.addAttribute("pageSizes", AuditFilter.PAGE_SIZES);
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("invalidFilter", filter.malformed());
		model.addAttribute("retentionDays", retentionDays);
		return "audit/list";
	}

	@GetMapping("/export")
	void export(@ModelAttribute("filter") AuditFilter filter, HttpServletResponse response)
			throws IOException {
		List<String> headers = EXPORT_HEADERS.stream().map(h -> text("audit.column." + h)).toList();
		try (AuditWorkbook workbook = new AuditWorkbook(text("audit.export.sheet"), headers, zone)) {
			desk.export(filter.toQuery(zone), filter.order(),
					event -> workbook.add(event, text("audit.outcome." + event.outcome())));
			// Headers only now: had the export been refused, the error page must not arrive as an attachment.
			String name = text("audit.export.filename") + "-"
					+ LocalDateTime.now(zone).format(DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss")) + ".xlsx";
			response.setContentType(XLSX);
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
			workbook.write(response.getOutputStream());
		}
	}

	/** Verifies the chain; htmx gets the result fragment, a plain form post the list page with the result. */
	@PostMapping("/verify")
	String verify(@RequestParam(required = false) String anchor,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		ChainVerifier.Anchor parsed;
		try {
			parsed = ChainVerifier.Anchor.parse(anchor);
		}
		catch (IllegalArgumentException e) {
			return verification(htmx != null, model, redirect, null, "audit.verify.badAnchor");
		}
		return verification(htmx != null, model, redirect, desk.verify(parsed), null);
	}

	private String verification(boolean fragment, Model model, RedirectAttributes redirect,
			ChainVerification result, String error) {
		if (fragment) {
			model.addAttribute("verification", result);
			model.addAttribute("verificationError", error);
			return "audit/list :: verification";
		}
		redirect.addFlashAttribute("verification", result);
		redirect.addFlashAttribute("verificationError", error);
		return "redirect:/audit";
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	/** Lets the template ask for the URL of any page of the current filter. */
	record PageUrls(AuditFilter filter) {

		public String of(int page) {
			return filter.pageUrl(page);
		}

	}

}
