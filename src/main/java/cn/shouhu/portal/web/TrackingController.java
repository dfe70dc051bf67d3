package cn.shouhu.portal.web;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.shouhu.matters.PublicMatter;
import cn.shouhu.matters.PublicMatters;
import cn.shouhu.matters.Satisfaction;
import cn.shouhu.portal.PortalRateLimits;
import cn.shouhu.portal.web.TrackingCookie.Proven;
import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 查询进度: the submitter looks their matter up with its tracking code and the phone's last four digits (or the
 * PIN of an anonymous tip-off), reads its public timeline and the reply, adds information, rates the reply, or
 * asks for it to be handled again within the window.
 * <p>
 * The code and the proof travel only in POST bodies and, once proven, in the encrypted {@link TrackingCookie}:
 * never in a URL. Each look-up takes one from the address's allowance ({@link PortalRateLimits#checkLookup});
 * a code that does not exist and a proof that does not match get the same message.
 */
@Controller
@RequestMapping(TrackingCookie.PATH)
class TrackingController {

	static final String PAGE = "portal/tracking";

	static final String FORM_PAGE = "portal/track";

	/** What a finished action says on the page it leads back to (a key of the URL's {@code done}). */
	private static final Set<String> DONE = Set.of("information", "resumed", "rated", "reopened");

	private final PublicMatters publicMatters;

	private final PortalRateLimits limits;

	private final TrackingCookie cookies;

	private final ZoneId zone;

	TrackingController(PublicMatters publicMatters, PortalRateLimits limits, TrackingCookie cookies,
			@Value("${shouhu.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.publicMatters = publicMatters;
		this.limits = limits;
		this.cookies = cookies;
		this.zone = zone;
	}

	@GetMapping
	String form(@RequestParam(required = false) String ended, Model model) {
		if (ended != null) {
			model.addAttribute("notice", "portal.track.ended");
		}
		return formPage(new TrackingForms.Lookup(null, null), model);
	}

	@PostMapping
	String lookup(TrackingForms.Lookup form, Model model, HttpServletRequest request, HttpServletResponse response) {
		boolean noCode = blank(form.code());
		boolean noProof = blank(form.proof());
		if (noCode || noProof) {
			if (noCode) {
				model.addAttribute("codeError", "portal.track.code.required");
			}
			if (noProof) {
				model.addAttribute("proofError", "portal.track.proof.required");
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return formPage(new TrackingForms.Lookup(form.code(), null), model);
		}
		limits.checkLookup(PortalRateLimits.clientIp(request));
		Optional<PublicMatter> found = publicMatters.lookup(form.code(), form.proof());
		if (found.isEmpty()) {
			model.addAttribute("error", "portal.track.notFound");
			response.setStatus(HttpStatus.NOT_FOUND.value());
			// The proof is never sent back into the page; the code the visitor typed is, to correct it.
			return formPage(new TrackingForms.Lookup(form.code(), null), model);
		}
		setCookie(response, cookies.issue(found.get().trackingCode(), form.proof().strip(), request.isSecure()));
		return "redirect:" + TrackingCookie.PATH + "/matter";
	}

	/** The matter's public page, for as long as the cookie lasts; each view starts its lifetime again. */
	@GetMapping("/matter")
	String matter(@RequestParam(required = false) String done, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<Proven> proven = cookies.read(request);
		Optional<PublicMatter> matter = proven.flatMap(p -> publicMatters.lookup(p.trackingCode(), p.proof()));
		if (matter.isEmpty()) {
			return expired(null, model, request, response);
		}
		setCookie(response, cookies.issue(proven.get().trackingCode(), proven.get().proof(), request.isSecure()));
		if (done != null && DONE.contains(done)) {
			model.addAttribute("notice", "portal.track.done." + done);
		}
		return page(matter.get(), model);
	}

	@PostMapping("/information")
	String addInformation(TrackingForms.Information form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return act(form.text(), model, request, response, "information", proven -> {
			boolean resumed = publicMatters.addInformation(proven.trackingCode(), proven.proof(), form.text());
			return resumed ? "resumed" : "information";
		});
	}

	@PostMapping("/rating")
	String rate(TrackingForms.Rating form, Model model, HttpServletRequest request, HttpServletResponse response) {
		return act(form.comment(), model, request, response, "rating", proven -> {
			Satisfaction satisfaction = satisfaction(form.satisfaction())
				.orElseThrow(() -> InvalidInputException.onField("satisfaction", "portal.track.rating.required"));
			publicMatters.rate(proven.trackingCode(), proven.proof(), satisfaction, form.comment());
			return "rated";
		});
	}

	@PostMapping("/reopen")
	String askToReopen(TrackingForms.Reopen form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return act(form.reason(), model, request, response, "reopen", proven -> {
			publicMatters.askToReopen(proven.trackingCode(), proven.proof(), form.reason());
			return "reopened";
		});
	}

	/** 结束查询: the cookie is deleted; the browser keeps nothing that opens the matter. */
	@PostMapping("/end")
	String end(HttpServletRequest request, HttpServletResponse response) {
		setCookie(response, cookies.cleared(request.isSecure()));
		return "redirect:" + TrackingCookie.PATH + "?ended";
	}

	/** An action of the submitter, then back to the page (POST, redirect, GET), or the page with the message. */
	private String act(String typed, Model model, HttpServletRequest request, HttpServletResponse response,
			String formName, Action action) {
		Optional<Proven> proven = cookies.read(request);
		if (proven.isEmpty()) {
			return expired(typed, model, request, response);
		}
		String problem;
		HttpStatus status;
		try {
			String done = action.run(proven.get());
			return "redirect:" + TrackingCookie.PATH + "/matter?done=" + done;
		}
		catch (NotFoundException e) {
			return expired(typed, model, request, response);
		}
		catch (InvalidInputException e) {
			problem = e.messageKey();
			model.addAttribute("problemArgs", e.args());
			status = HttpStatus.UNPROCESSABLE_CONTENT;
		}
		catch (ConflictException e) {
			problem = e.messageKey();
			model.addAttribute("problemArgs", e.args());
			status = HttpStatus.CONFLICT;
		}
		Optional<PublicMatter> matter = publicMatters.lookup(proven.get().trackingCode(), proven.get().proof());
		if (matter.isEmpty()) {
			return expired(typed, model, request, response);
		}
		response.setStatus(status.value());
		model.addAttribute("problem", problem);
		model.addAttribute("problemForm", formName);
		model.addAttribute("typed", typed);
		return page(matter.get(), model);
	}

	/** The cookie is gone or no longer opens the matter: the form again, and what was typed, so nothing is lost. */
	private String expired(String typed, Model model, HttpServletRequest request, HttpServletResponse response) {
		setCookie(response, cookies.cleared(request.isSecure()));
		model.addAttribute("error", "portal.track.expired");
		if (!blank(typed)) {
			model.addAttribute("unsent", typed);
		}
		return formPage(new TrackingForms.Lookup(null, null), model);
	}

	private String formPage(TrackingForms.Lookup form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("portalNav", "track");
		return FORM_PAGE;
	}

	private String page(PublicMatter matter, Model model) {
		model.addAttribute("view", TrackingView.of(matter, zone));
		model.addAttribute("satisfactions", Satisfaction.values());
		model.addAttribute("portalNav", "track");
		return PAGE;
	}

	private static Optional<Satisfaction> satisfaction(String name) {
		if (blank(name)) {
			return Optional.empty();
		}
		return Arrays.stream(Satisfaction.values()).filter(s -> s.name().equals(name.strip())).findFirst();
	}

	private static void setCookie(HttpServletResponse response, ResponseCookie cookie) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	@FunctionalInterface
	private interface Action {

		/** @return what the page says afterwards (one of {@link #DONE}) */
		String run(Proven proven);

	}

}
