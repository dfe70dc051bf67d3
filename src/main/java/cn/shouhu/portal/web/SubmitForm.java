package cn.shouhu.portal.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;

/**
 * The portal's submission form as the browser sends it. Every field is text, so that whatever arrives binds and
 * is then checked with a Chinese message per field; the files are never sent back to the browser.
 */
class SubmitForm {

	/** The form's one-time token: one matter per token, however often it is sent. */
	private String formToken;

	/** MatterKind's name; text so that anything a browser sends binds, and is checked by the controller. */
	private String kind;

	private String categoryCode;

	private String title;

	private String description;

	private String address;

	private String community;

	private String name;

	private String phone;

	private String enterpriseName;

	private String creditCode;

	/** "true" when a tip-off is sent anonymously. */
	private String anonymous;

	/** "true" when the privacy notice was accepted. */
	private String consent;

	/** The honeypot: hidden from people by CSS, filled in only by bots. */
	private String website;

	/** 附件: up to five photos or PDFs, checked by their content. */
	private List<MultipartFile> attachments = new ArrayList<>();

	public String getFormToken() {
		return formToken;
	}

	public void setFormToken(String formToken) {
		this.formToken = formToken;
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getCategoryCode() {
		return categoryCode;
	}

	public void setCategoryCode(String categoryCode) {
		this.categoryCode = categoryCode;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getAddress() {
		return address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getCommunity() {
		return community;
	}

	public void setCommunity(String community) {
		this.community = community;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getEnterpriseName() {
		return enterpriseName;
	}

	public void setEnterpriseName(String enterpriseName) {
		this.enterpriseName = enterpriseName;
	}

	public String getCreditCode() {
		return creditCode;
	}

	public void setCreditCode(String creditCode) {
		this.creditCode = creditCode;
	}

	public String getAnonymous() {
		return anonymous;
	}

	public void setAnonymous(String anonymous) {
		this.anonymous = anonymous;
	}

	public String getConsent() {
		return consent;
	}

	public void setConsent(String consent) {
		this.consent = consent;
	}

	public String getWebsite() {
		return website;
	}

	public void setWebsite(String website) {
		this.website = website;
	}

	public List<MultipartFile> getAttachments() {
		return attachments;
	}

	public void setAttachments(List<MultipartFile> attachments) {
		this.attachments = attachments;
	}

	boolean isAnonymous() {
		return "true".equals(anonymous);
	}

	boolean hasConsent() {
		return "true".equals(consent);
	}

	/** Whether the honeypot was filled in. */
	boolean isFromABot() {
		return website != null && !website.isEmpty();
	}

}
