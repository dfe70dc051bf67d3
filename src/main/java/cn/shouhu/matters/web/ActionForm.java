package cn.shouhu.matters.web;

import java.util.ArrayList;
import java.util.List;

import cn.shouhu.matters.Satisfaction;
import cn.shouhu.matters.Urgency;

/**
 * What any action form on the matter page posts: the version the user saw and the fields of that one action.
 * Field names are those the matter names in its validation messages, so that a message lands beside its field.
 */
class ActionForm {

	private Integer version;

	private String categoryCode;

	private Urgency urgency;

	private Long leadUnitId;

	private List<Long> coUnitIds = new ArrayList<>();

	private String request;

	private Long toUnitId;

	private Long unitId;

	private Integer taskNo;

	private String result;

	private Integer days;

	private String note;

	private String reason;

	private String text;

	private String measures;

	private Satisfaction satisfaction;

	private String comment;

	/** The other matter of a link or merge: its number or its tracking code. */
	private String other;

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
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

	public Long getLeadUnitId() {
		return leadUnitId;
	}

	public void setLeadUnitId(Long leadUnitId) {
		this.leadUnitId = leadUnitId;
	}

	public List<Long> getCoUnitIds() {
		return coUnitIds;
	}

	public void setCoUnitIds(List<Long> coUnitIds) {
		this.coUnitIds = coUnitIds == null ? new ArrayList<>() : coUnitIds;
	}

	public String getRequest() {
		return request;
	}

	public void setRequest(String request) {
		this.request = request;
	}

	public Long getToUnitId() {
		return toUnitId;
	}

	public void setToUnitId(Long toUnitId) {
		this.toUnitId = toUnitId;
	}

	public Long getUnitId() {
		return unitId;
	}

	public void setUnitId(Long unitId) {
		this.unitId = unitId;
	}

	public Integer getTaskNo() {
		return taskNo;
	}

	public void setTaskNo(Integer taskNo) {
		this.taskNo = taskNo;
	}

	public String getResult() {
		return result;
	}

	public void setResult(String result) {
		this.result = result;
	}

	public Integer getDays() {
		return days;
	}

	public void setDays(Integer days) {
		this.days = days;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public String getText() {
		return text;
	}

	public void setText(String text) {
		this.text = text;
	}

	public String getMeasures() {
		return measures;
	}

	public void setMeasures(String measures) {
		this.measures = measures;
	}

	public Satisfaction getSatisfaction() {
		return satisfaction;
	}

	public void setSatisfaction(Satisfaction satisfaction) {
		this.satisfaction = satisfaction;
	}

	public String getComment() {
		return comment;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}

	public String getOther() {
		return other;
	}

	public void setOther(String other) {
		this.other = other;
	}

}
