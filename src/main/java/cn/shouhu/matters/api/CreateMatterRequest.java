package cn.shouhu.matters.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.shouhu.matters.Channel;
import cn.shouhu.matters.Intake;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.Place;
import cn.shouhu.matters.Submitter;
import cn.shouhu.matters.Urgency;

/**
 * A matter recorded at the intake desk (phone, walk-in, letter, meeting, visit). The checks here give early,
 * field-level messages; the matter checks everything again (ID number checksum, credit code) when it is received.
 */
record CreateMatterRequest(@NotNull(message = "{matters-api.required}") Channel channel,
		@NotNull(message = "{matters-api.required}") MatterKind kind, @Size(max = 30, message = "{matters-api.tooLong}") String categoryCode,
		Urgency urgency,
		@NotBlank(message = "{matters-api.required}") @Size(max = 100, message = "{matters-api.tooLong}") String title,
		@NotBlank(message = "{matters-api.required}") @Size(max = 4000,
				message = "{matters-api.tooLong}") String description,
		@Valid PlaceRequest place, @NotNull(message = "{matters-api.required}") @Valid SubmitterRequest submitter) {

	/** 地点. */
	record PlaceRequest(@Size(max = 300, message = "{matters-api.tooLong}") String address,
			@Size(max = 100, message = "{matters-api.tooLong}") String community,
			@DecimalMin(value = "-90", message = "{matters-api.place.position}") @DecimalMax(value = "90",
					message = "{matters-api.place.position}") Double latitude,
			@DecimalMin(value = "-180", message = "{matters-api.place.position}") @DecimalMax(value = "180",
					message = "{matters-api.place.position}") Double longitude) {
	}

	/** 诉求人; an anonymous tip-off (匿名举报) gives nothing else. */
	record SubmitterRequest(boolean anonymous, @Size(max = 50, message = "{matters-api.tooLong}") String name,
			@Pattern(regexp = "1[3-9]\\d{9}", message = "{matters-api.submitter.phone}") String phone,
			@Pattern(regexp = "\\d{17}[\\dXx]", message = "{matters-api.submitter.idNumber}") String idNumber,
			@Size(max = 200, message = "{matters-api.tooLong}") String enterpriseName,
			@Size(max = 18, message = "{matters-api.tooLong}") String creditCode) {
	}

	Intake toIntake() {
		Place where = place == null ? null
				: new Place(place.address(), place.community(), place.latitude(), place.longitude());
		Submitter who = submitter.anonymous() ? Submitter.anonymousPerson()
				: new Submitter(false, submitter.name(), submitter.phone(), submitter.idNumber(),
						submitter.enterpriseName(), submitter.creditCode());
		return new Intake(channel, kind, categoryCode, urgency, title, description, where, who);
	}

}
