package cn.shouhu.portal.internal;

import java.util.Map;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Errors that happen outside any controller on a portal address (413 from the upload limits, 404, 400 …) are
 * shown in the portal's own layout, in Chinese, without anything internal; staff pages keep theirs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrorPages implements ErrorViewResolver {

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		// The address the visitor asked for; the model's "path" is left out unless error attributes include it.
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (!(path instanceof String text) || !(text.equals("/portal") || text.startsWith("/portal/"))
				|| text.startsWith("/portal/catalogue/admin")) {
			return null;
		}
		ModelAndView page = new ModelAndView("portal/error");
		page.setStatus(status);
		page.addObject("status", status.value());
		return page;
	}

}
