package cn.shouhu.matters.deadlines;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.shouhu.shared.CurrentStaff;

/** 督办提醒: the warnings, overdue notices and escalations for the staff member's units; mark them read. */
@Controller
@RequestMapping("/matters/notices")
@PreAuthorize("hasAnyRole('COORDINATOR', 'UNIT_LEADER', 'BRANCH_LEADER', 'HANDLER')")
class NoticesController {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MatterNotices notices;

	private final ZoneId zone;

	NoticesController(MatterNotices notices, @Value("${shouhu.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.notices = notices;
		this.zone = zone;
	}

	/** A notice as the page shows it, times in the branch's zone. */
	record NoticeView(long id, long matterId, String trackingCode, String title, String deadline, String kind,
			String unitName, String targetRole, String dueAt, String createdAt, boolean unread, boolean bad) {

		static NoticeView of(MatterNotices.Notice notice, ZoneId zone) {
			return new NoticeView(notice.id(), notice.matterId(), notice.trackingCode(), notice.title(),
					notice.deadline().name(), notice.kind().name(), notice.unitName(), notice.targetRole(),
					format(notice.dueAt(), zone), format(notice.createdAt(), zone), notice.unread(),
					notice.kind() != NoticeKind.WARNING_70 && notice.kind() != NoticeKind.WARNING_90);
		}

		private static String format(Instant instant, ZoneId zone) {
			return instant == null ? "" : MINUTES.format(instant.atZone(zone));
		}

	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("notices",
				notices.list(CurrentStaff.require()).stream().map(notice -> NoticeView.of(notice, zone)).toList());
		model.addAttribute("limit", MatterNotices.LIMIT);
		return "deadlines/notices";
	}

	/** The unread count for a menu badge: a bare fragment, empty when there is nothing unread. */
	@GetMapping(value = "/count", produces = "text/html")
	@ResponseBody
	String count() {
		int unread = notices.unreadCount(CurrentStaff.require());
		return unread == 0 ? "" : "<span class=\"count\">" + unread + "</span>";
	}

	@PostMapping("/{id}/read")
	String markRead(@PathVariable long id, RedirectAttributes redirect) {
		notices.markRead(CurrentStaff.require(), id);
		redirect.addFlashAttribute("flashSuccess", "deadlines.markedRead");
		return "redirect:/matters/notices";
	}

}
