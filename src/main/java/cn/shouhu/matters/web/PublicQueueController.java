package cn.shouhu.matters.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 网上诉求待分派: the intake desk's panel of public matters waiting for dispatch, a bare fragment that htmx fetches
 * every few seconds, so that a matter sent from the portal shows on the desk without a reload.
 */
@Controller
@PreAuthorize("hasAnyRole('INTAKE_CLERK','COORDINATOR')")
class PublicQueueController {

	private final PublicQueue queue;

	PublicQueueController(PublicQueue queue) {
		this.queue = queue;
	}

	@GetMapping("/matters/intake/public-queue")
	String queue(Model model) {
		model.addAttribute("queue", queue.snapshot());
		return "matters/public-queue :: queue";
	}

}
