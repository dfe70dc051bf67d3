/**
 * Attachments (附件) of matters: photos and PDFs checked by their content, kept outside any served folder under
 * the data directory, listed and downloaded by staff who can see the matter.
 */
package cn.shouhu.matters.attachments;
