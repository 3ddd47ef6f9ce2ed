package cn.perftarget.review;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import cn.perftarget.declaration.DeclarationView;
import cn.perftarget.declaration.ReviewTaskInfo;

/** A declaration waiting for a reviewer, with its engine task: step, due date (SLA) and whether it escalated. */
public record ReviewTask(@JsonUnwrapped DeclarationView declaration, ReviewTaskInfo task) {
}
