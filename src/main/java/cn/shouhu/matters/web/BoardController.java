package cn.shouhu.matters.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

import cn.shouhu.matters.Channel;
import cn.shouhu.matters.MatterCategories;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.MatterState;
import jakarta.servlet.http.HttpServletResponse;

/** 诉求总览: the coordinators' board of the whole queue; htmx swaps only the results when the filters change. */
@Controller
@RequestMapping("/matters/board")
@PreAuthorize("hasAnyRole('INTAKE_CLERK','COORDINATOR','BRANCH_LEADER')")
class BoardController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Board board;

	private final MatterCategories categories;

	private final Units units;

	private final MessageSource messages;

	BoardController(Board board, MatterCategories categories, Units units, MessageSource messages) {
		this.board = board;
		this.categories = categories;
		this.units = units;
		this.messages = messages;
	}

	@GetMapping
	String board(@ModelAttribute("criteria") BoardCriteria criteria,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("result", board.search(criteria));
		model.addAttribute("states", MatterState.values());
		model.addAttribute("kinds", MatterKind.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("categories", categories.all());
		model.addAttribute("units", units.police());
		model.addAttribute("pageSizes", BoardCriteria.PAGE_SIZES);
		return htmx != null ? "matters/board :: results" : "matters/board";
	}

	@GetMapping("/export.xlsx")
	void export(@ModelAttribute("criteria") BoardCriteria criteria, HttpServletResponse response) throws IOException {
		String fileName = messages.getMessage("matters-web.export.fileName", null, "export.xlsx",
				LocaleContextHolder.getLocale());
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		board.export(criteria, response.getOutputStream(), LocaleContextHolder.getLocale());
	}

}
