/**
 * Attachments (附件) of matters: photos and PDFs checked by their content, kept outside any served folder under
 * the data directory, listed and downloaded by staff who can see the matter. A named interface, so that the
 * public portal can check and attach a submitter's files with the same rules.
 */
@org.springframework.modulith.NamedInterface("attachments")
package cn.shouhu.matters.attachments;
