package cn.shouhu.matters.policies;

import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.TimeLimits.Unit;
import cn.shouhu.matters.Urgency;

/** One row of the time-limit policy as the form edits it; a blank category or urgency stands for 任意. */
class PolicyForm {

	private MatterKind kind;

	private String categoryCode;

	private Urgency urgency;

	private Integer signAmount;

	private Unit signUnit;

	private Integer replyAmount;

	private Unit replyUnit;

	private Integer closeAmount;

	private Unit closeUnit;

	private Integer extensionDays;

	private Integer returnDays;

	private Integer reopenDays;

	private int version;

	static PolicyForm of(PolicyRow row) {
		PolicyForm form = new PolicyForm();
		form.kind = row.kind();
		form.categoryCode = row.categoryCode();
		form.urgency = row.urgency();
		form.signAmount = row.signAmount();
		form.signUnit = row.signUnit();
		form.replyAmount = row.replyAmount();
		form.replyUnit = row.replyUnit();
		form.closeAmount = row.closeAmount();
		form.closeUnit = row.closeUnit();
		form.extensionDays = row.extensionDays();
		form.returnDays = row.returnDays();
		form.reopenDays = row.reopenDays();
		form.version = row.version();
		return form;
	}

	/** The blank category means any category. */
	String categoryOrNull() {
		return categoryCode == null || categoryCode.isBlank() ? null : categoryCode.strip();
	}

	public MatterKind getKind() {
		return kind;
	}

	public void setKind(MatterKind kind) {
		this.kind = kind;
	}

	public String getCategoryCode() {
		return categoryCode;
	}

	public void setCategoryCode(String categoryCode) {
		this.categoryCode = categoryCode;
	}

	public Urgency getUrgency() {
		return urgency;
	}

	public void setUrgency(Urgency urgency) {
		this.urgency = urgency;
	}

	public Integer getSignAmount() {
		return signAmount;
	}

	public void setSignAmount(Integer signAmount) {
		this.signAmount = signAmount;
	}

	public Unit getSignUnit() {
		return signUnit;
	}

	public void setSignUnit(Unit signUnit) {
		this.signUnit = signUnit;
	}

	public Integer getReplyAmount() {
		return replyAmount;
	}

	public void setReplyAmount(Integer replyAmount) {
		this.replyAmount = replyAmount;
	}

	public Unit getReplyUnit() {
		return replyUnit;
	}

	public void setReplyUnit(Unit replyUnit) {
		this.replyUnit = replyUnit;
	}

	public Integer getCloseAmount() {
		return closeAmount;
	}

	public void setCloseAmount(Integer closeAmount) {
		this.closeAmount = closeAmount;
	}

	public Unit getCloseUnit() {
		return closeUnit;
	}

	public void setCloseUnit(Unit closeUnit) {
		this.closeUnit = closeUnit;
	}

	public Integer getExtensionDays() {
		return extensionDays;
	}

	public void setExtensionDays(Integer extensionDays) {
		this.extensionDays = extensionDays;
	}

	public Integer getReturnDays() {
		return returnDays;
	}

	public void setReturnDays(Integer returnDays) {
		this.returnDays = returnDays;
	}

	public Integer getReopenDays() {
		return reopenDays;
	}

	public void setReopenDays(Integer reopenDays) {
		this.reopenDays = reopenDays;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
