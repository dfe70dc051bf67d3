package cn.shouhu.calendar.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.shouhu.calendar.WorkingCalendar;
import cn.shouhu.calendar.internal.CalendarAdministration;
import cn.shouhu.calendar.internal.CalendarAdministration.DayEntry;
import cn.shouhu.calendar.internal.CalendarYear;
import cn.shouhu.shared.InvalidInputException;

/** 工作日历: the system administrator's pages to look at a year and to enter the State Council's notice. */
@Controller
@RequestMapping("/calendar")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class CalendarController {

	private final CalendarAdministration administration;

	private final WorkingCalendar calendar;

	CalendarController(CalendarAdministration administration, WorkingCalendar calendar) {
		this.administration = administration;
		this.calendar = calendar;
	}

	/**
	 * One day's entry as the form sends it; the date stays text so that a malformed one gets a message beside
	 * the field rather than an error page.
	 * @param offDay "true" for a holiday (放假), "false" for a worked weekend day (调休上班)
	 */
	record DayForm(String date, String offDay, String name) {

		static DayForm empty() {
			return new DayForm("", "", "");
		}

	}

	record YearForm(String source) {
	}

	/** A year's holidays and 调休 working days, the maintained years, and "add next year". */
	@GetMapping
	String overview(@RequestParam(required = false) Integer year, Model model) {
		model.addAttribute("yearForm", new YearForm(""));
		return overviewPage(year == null ? administration.currentYear() : year, model);
	}

	@PostMapping("/years")
	String addYear(@ModelAttribute("yearForm") YearForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		try {
			int year = administration.addNextYear(form.source());
			redirect.addFlashAttribute("flashSuccess", "calendar.year.added");
			return "redirect:/calendar/" + year;
		}
		catch (InvalidInputException e) {
			reject(binding, e);
			return overviewPage(administration.currentYear(), model);
		}
	}

	/** The year's entries with the form to add or change one; {@code ?date=} opens that day's entry. */
	@GetMapping("/{year}")
	String edit(@PathVariable int year, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			Model model) {
		DayForm form = DayForm.empty();
		if (date != null) {
			form = administration.day(date)
				.filter(day -> day.date().getYear() == year)
				.map(day -> new DayForm(day.date().toString(), String.valueOf(day.offDay()), day.name()))
				.orElse(new DayForm(date.toString(), "", ""));
		}
		model.addAttribute("form", form);
		return yearPage(year, model);
	}

	@PostMapping("/{year}/days")
	String save(@PathVariable int year, @ModelAttribute("form") DayForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		try {
			administration.saveDay(year, new DayEntry(date(form.date()), offDay(form.offDay()), form.name()));
			redirect.addFlashAttribute("flashSuccess", "calendar.day.saved");
			return "redirect:/calendar/" + year;
		}
		catch (InvalidInputException e) {
			reject(binding, e);
			return yearPage(year, model);
		}
	}

	@PostMapping("/{year}/days/{date}/delete")
	String remove(@PathVariable int year, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			RedirectAttributes redirect) {
		administration.removeDay(year, date);
		redirect.addFlashAttribute("flashSuccess", "calendar.day.removed");
		return "redirect:/calendar/" + year;
	}

	private String overviewPage(int year, Model model) {
		model.addAttribute("year", year);
		List<CalendarYear> years = administration.years();
		model.addAttribute("years", years);
		SortedSet<Integer> options = new TreeSet<>(Comparator.reverseOrder());
		years.forEach(maintained -> options.add(maintained.year()));
		options.add(year);
		options.add(administration.currentYear());
		model.addAttribute("yearOptions", options);
		model.addAttribute("maintained", calendar.isMaintained(year));
		model.addAttribute("holidays", administration.holidays(year));
		model.addAttribute("nextYear", administration.nextYear());
		model.addAttribute("businessHours", administration.businessHours());
		model.addAttribute("zone", administration.zone());
		return "calendar/index";
	}

	private String yearPage(int year, Model model) {
		model.addAttribute("calendarYear", administration.year(year));
		model.addAttribute("days", administration.days(year));
		model.addAttribute("firstDay", LocalDate.of(year, 1, 1));
		model.addAttribute("lastDay", LocalDate.of(year, 12, 31));
		return "calendar/year";
	}

	private static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.onField("date", "calendar.day.date.invalid");
		}
	}

	private static Boolean offDay(String text) {
		if ("true".equals(text)) {
			return Boolean.TRUE;
		}
		return "false".equals(text) ? Boolean.FALSE : null;
	}

	private static void reject(BindingResult binding, InvalidInputException e) {
		if (e.field() == null) {
			binding.reject(e.messageKey(), e.args(), e.messageKey());
		}
		else {
			binding.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
		}
	}

}
