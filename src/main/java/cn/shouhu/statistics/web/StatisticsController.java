package cn.shouhu.statistics.web;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.statistics.Statistics;
import cn.shouhu.statistics.StatisticsFilter;
import cn.shouhu.statistics.StatisticsReport;
import cn.shouhu.statistics.internal.StatisticsRebuild;

/** 统计分析: the figures page, its JSON (read by the charts) and its .xlsx export, all from one report. */
@Controller
@RequestMapping("/statistics")
@PreAuthorize("isAuthenticated()")
class StatisticsController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Statistics statistics;

	private final MessageSource messages;

	private final StatisticsRebuild rebuild;

	StatisticsController(Statistics statistics, MessageSource messages, StatisticsRebuild rebuild) {
		this.statistics = statistics;
		this.messages = messages;
		this.rebuild = rebuild;
	}

	/** Recomputes the roll-ups from the records: an operator's command, for after a restore. */
	@PostMapping("/rebuild")
	@PreAuthorize("hasRole('SYSTEM_ADMIN')")
	String rebuild(RedirectAttributes redirect) {
		rebuild.rebuild();
		redirect.addFlashAttribute("flashSuccess", "statistics.rebuilt");
		return "redirect:/statistics";
	}

	@GetMapping
	String page(@ModelAttribute("form") StatisticsRequest request, Model model) {
		CurrentStaff staff = CurrentStaff.require();
		StatisticsFilter filter;
		try {
			filter = request.toFilter(statistics.today());
			model.addAttribute("report", statistics.report(staff, filter));
		}
		catch (InvalidInputException e) {
			model.addAttribute("filterError",
					messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
			filter = StatisticsFilter.last30Days(statistics.today());
			model.addAttribute("report", statistics.report(staff, filter));
		}
		model.addAttribute("filter", filter);
		model.addAttribute("hotSpots", statistics.hotSpots(staff, filter.to()));
		model.addAttribute("units", statistics.units(staff));
		model.addAttribute("categories", statistics.categories());
		return "statistics/index";
	}

	@GetMapping(path = "/data.json", produces = "application/json")
	@ResponseBody
	StatisticsReport data(StatisticsRequest request) {
		return statistics.report(CurrentStaff.require(), request.toFilter(statistics.today()));
	}

	@GetMapping("/export.xlsx")
	void export(StatisticsRequest request, HttpServletResponse response) throws IOException {
		StatisticsReport report = statistics.report(CurrentStaff.require(), request.toFilter(statistics.today()));
		String filename = "statistics-" + report.filter().from() + "-" + report.filter().to() + ".xlsx";
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename).build().toString());
		try (OutputStream out = response.getOutputStream()) {
			StatisticsWorkbook.write(report, messages, LocaleContextHolder.getLocale(), out);
		}
	}

}
