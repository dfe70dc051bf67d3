package cn.shouhu.matters.web;

import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.shouhu.matters.web.WorkLists.Tab;
import cn.shouhu.shared.CurrentStaff;

/** 我的待办: the tabs with their counts, one tab's list by page, and the menu badge htmx fetches every 30 s. */
@Controller
@RequestMapping("/matters/todo")
class TodoController {

	private final WorkLists lists;

	TodoController(WorkLists lists) {
		this.lists = lists;
	}

	@GetMapping
	String todo(@RequestParam(required = false) String tab, @RequestParam(defaultValue = "1") int page,
			Model model) {
		CurrentStaff staff = CurrentStaff.require();
		Set<Tab> tabs = lists.tabs(staff);
		Tab current = Tab.of(tab);
		if (current == null || !tabs.contains(current)) {
			current = tabs.isEmpty() ? null : tabs.iterator().next();
		}
		model.addAttribute("counts", lists.counts(staff));
		model.addAttribute("tab", current);
		model.addAttribute("result", current == null ? null : lists.list(staff, current, page));
		return "matters/todo";
	}

	/** A bare fragment: {@code <span class="count">3</span>}, or nothing when there is nothing to do. */
	@GetMapping("/count")
	String count(Model model) {
		model.addAttribute("count", lists.badge(CurrentStaff.require()));
		return "matters/todo-count";
	}

}
