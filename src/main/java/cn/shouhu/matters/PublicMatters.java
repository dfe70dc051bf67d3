package cn.shouhu.matters;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.NotFoundException;

/**
 * The closed loop as the public sees it (查询进度): the submitter follows their matter on the portal with its
 * tracking code and the last four digits of their phone, or the PIN of an anonymous tip-off, and adds
 * information, rates the reply or asks for it to be handled again; Open311 reads matters without a proof and
 * decides itself what a third-party app may see.
 * <p>
 * A wrong code and a wrong proof look the same: an empty answer, or {@link NotFoundException} for a change. A
 * change the matter does not allow now is a {@link ConflictException}, bad input an
 * {@link InvalidInputException}; in each case nothing has changed. Every change is audited like a staff action,
 * with the submitter's personal data masked.
 */
@Service
public class PublicMatters {

	private final SubmitterProofs proofs;

	private final PublicMatterReader reader;

	private final MatterDesk desk;

	private final Clock clock;

	PublicMatters(SubmitterProofs proofs, PublicMatterReader reader, MatterDesk desk, Clock clock) {
		this.proofs = proofs;
		this.reader = reader;
		this.desk = desk;
		this.clock = clock;
	}

	/**
	 * The submitter's matter, if the code and the proof (the phone's last four digits, or the PIN of an anonymous
	 * tip-off) match; case, spaces and dashes in the code do not matter.
	 */
	@Transactional(readOnly = true)
	public Optional<PublicMatter> lookup(String trackingCode, String proof) {
		return proofs.matterId(trackingCode, proof).flatMap(this::byId);
	}

	/**
	 * 补充材料: recorded on the matter's timeline for staff, while the matter is open. If the unit was waiting for
	 * the submitter, handling resumes and the clock runs again.
	 * @return whether handling resumed
	 */
	@Transactional
	public boolean addInformation(String trackingCode, String proof, String text) {
		return desk.addInformationBySubmitter(trackingCode, proof, text);
	}

	/**
	 * 评价: the submitter's follow-up (回访). Satisfied or basically satisfied closes the matter; unsatisfied within
	 * the reopen window reopens it, after the window it is recorded and the matter waits for a coordinator.
	 */
	@Transactional
	public void rate(String trackingCode, String proof, Satisfaction satisfaction, String comment) {
		desk.recordFollowUpBySubmitter(trackingCode, proof, satisfaction, comment);
	}

	/**
	 * 申请重办: unsatisfied, with a reason, within the reopen window (the time-limit policy's reopen days after the
	 * reply); the matter goes back to its unit under supervision.
	 */
	@Transactional
	public void askToReopen(String trackingCode, String proof, String reason) {
		desk.askToReopenBySubmitter(trackingCode, proof, reason);
	}

	/** For Open311: one matter by its id, without a proof. */
	@Transactional(readOnly = true)
	public Optional<PublicMatter> byId(long id) {
		return reader.find(new PublicMatterQuery(List.of(id), null, null, null, null, 1), clock.instant())
			.stream()
			.findFirst();
	}

	/** For Open311: matters by id, category, time received and status, newest first, in two queries. */
	@Transactional(readOnly = true)
	public List<PublicMatter> find(PublicMatterQuery query) {
		return reader.find(query, clock.instant());
	}

}
