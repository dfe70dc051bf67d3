package cn.shouhu.portal.web;

import java.io.Serializable;

/**
 * What the receipt page shows once: the tracking code, the PIN of an anonymous tip-off (null otherwise), and
 * whether the text sounded urgent (the page repeats the 110 advice). It travels as a flash attribute, kept in the
 * session store between the POST and the GET, hence serializable.
 */
record PortalReceipt(String trackingCode, String pin, boolean urgent) implements Serializable {

	/** Never the PIN itself, so that no log or debug page shows it. */
	@Override
	public String toString() {
		return "PortalReceipt[trackingCode=" + trackingCode + ", pin=" + (pin == null ? null : "******") + ", urgent="
				+ urgent + "]";
	}

}
