package cn.perftarget.files;

import java.util.List;

import cn.perftarget.files.pdf.PrintSheet;

/**
 * A declaration laid out for printing: the official sheet and the approval block.
 *
 * @param approvals   each review level's decisions, oldest first
 * @param attachments the files of the revision, in the order they were added
 */
public record PrintView(long id, String title, String departmentName, int year, String status, int revision,
                        PrintSheet sheet, List<Approval> approvals, List<Attachment> attachments) {

    /** One file as the 附件清单 prints it: its size for people, the start of its SHA-256. */
    public record Attachment(String name, String kind, String size, String sha256Prefix) {
    }

    /** One reviewer's decision as the 审核意见 rows print it. */
    public record Approval(String level, String decision, String reviewer, String date, String comment, String grade) {
    }
}
