package cn.shouhu.statistics.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.statistics.Statistics;
import cn.shouhu.statistics.StatisticsReport;

/** The figures for API clients (HTTP Basic), with the same scope as the page. */
@RestController
@PreAuthorize("isAuthenticated()")
class StatisticsApiController {

	private final Statistics statistics;

	StatisticsApiController(Statistics statistics) {
		this.statistics = statistics;
	}

	/** Query: from, to (ISO dates, default the last 30 days), unit (a unit id: its subtree), category (a code). */
	@GetMapping(path = "/api/v1/statistics", produces = "application/json")
	StatisticsReport statistics(StatisticsRequest request) {
		return statistics.report(CurrentStaff.require(), request.toFilter(statistics.today()));
	}

}
