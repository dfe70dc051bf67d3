package cn.shouhu.matters.attachments;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import cn.shouhu.matters.Intake;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.Receipt;
import cn.shouhu.shared.CurrentStaff;

/** 受理登记 with attachments: the matter and its files are received together or not at all. */
@Service
public class AttachedIntake {

	private final MatterDesk desk;

	private final AttachmentStore store;

	AttachedIntake(MatterDesk desk, AttachmentStore store) {
		this.desk = desk;
		this.store = store;
	}

	@Transactional
	public Receipt intake(CurrentStaff staff, Intake intake, List<MultipartFile> files) {
		store.check(files);
		Receipt receipt = desk.intake(staff, intake);
		store.attach(receipt.id(), files, staff.username());
		return receipt;
	}

}
