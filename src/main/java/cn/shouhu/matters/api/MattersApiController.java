package cn.shouhu.matters.api;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.MatterState;
import cn.shouhu.matters.api.IdempotentIntake.Outcome;
import cn.shouhu.matters.api.MatterListing.Filter;
import cn.shouhu.matters.api.MatterListing.MatterPage;
import cn.shouhu.shared.CurrentStaff;

/** Recording, reading and listing matters over the staff API. */
@RestController
@RequestMapping("/api/v1/matters")
@PreAuthorize("hasAnyRole('INTAKE_CLERK', 'COORDINATOR', 'HANDLER', 'UNIT_LEADER', 'BRANCH_LEADER')")
@SecurityScheme(name = MattersApiController.BASIC_AUTH, type = SecuritySchemeType.HTTP, scheme = "basic",
		description = "A staff account's username and password")
@SecurityRequirement(name = MattersApiController.BASIC_AUTH)
@Tag(name = "Matters", description = "Matters: intake, details and the work list, within the caller's data scope")
class MattersApiController {

	static final String BASIC_AUTH = "staffBasicAuth";

	static final String REPLAYED = "Idempotency-Replayed";

	private final MatterDesk desk;

	private final IdempotentIntake intake;

	private final MatterListing listing;

	MattersApiController(MatterDesk desk, IdempotentIntake intake, MatterListing listing) {
		this.desk = desk;
		this.intake = intake;
		this.listing = listing;
	}

	/**
	 * A retry with the same key and the same body answers exactly as the first request did (201, the matter,
	 * its Location) plus {@code Idempotency-Replayed: true}, and creates nothing; the same key with another body
	 * is refused with 422. The body is the matter as it is now.
	 */
	@PostMapping
	@Operation(summary = "Record a matter at the intake desk",
			description = "Requires an Idempotency-Key header (1-100 printable ASCII characters, per account). "
					+ "The same key and body again returns the same matter (201, header Idempotency-Replayed: true); "
					+ "the same key with another body is 422.")
	ResponseEntity<MatterView> create(
			@Parameter(description = "Unique per intended matter, e.g. a UUID") @RequestHeader(
					name = IdempotentIntake.HEADER, required = false) String key,
			@Valid @RequestBody CreateMatterRequest request) {
		CurrentStaff staff = CurrentStaff.require();
		Outcome outcome = intake.create(staff, key, request);
		MatterView view = MatterView.of(desk.details(staff, outcome.matterId()));
		return ResponseEntity.created(URI.create("/api/v1/matters/" + outcome.matterId()))
			.header(REPLAYED, String.valueOf(outcome.replayed()))
			.body(view);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A matter with its timeline, deadlines, version and the actions the caller may take")
	MatterView details(@PathVariable long id) {
		return MatterView.of(desk.details(CurrentStaff.require(), id));
	}

	@GetMapping
	@Operation(summary = "The matters in the caller's scope, filtered and paged",
			description = "sort: receivedAt, signDue, replyDue, closeDue, state or id, optionally with ,asc or ,desc "
					+ "(default receivedAt,desc); page from 0; size 1-" + MatterListing.MAX_SIZE + ".")
	MatterPage list(@RequestParam(required = false) MatterState state,
			@RequestParam(required = false) MatterKind kind, @RequestParam(required = false) String category,
			@Parameter(description = "Lead unit id") @RequestParam(required = false) Long unit,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + MatterListing.DEFAULT_SIZE) int size,
			@RequestParam(required = false) String sort) {
		return listing.list(CurrentStaff.require(), new Filter(state, kind, category, unit), page, size, sort);
	}

}
