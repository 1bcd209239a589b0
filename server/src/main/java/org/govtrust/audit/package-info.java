/**
 * The append-only, hash-chained audit trail: every state change that matters lands here,
 * and anyone can verify that no entry was removed, reordered or edited.
 * <p>
 * 审计：仅追加、哈希链式的审计日志；可校验任何条目未被删除、重排或篡改。
 */
@ApplicationModule(displayName = "Audit trail", allowedDependencies = { "shared", "sms", "identity", "ca", "login" })
@NullMarked
package org.govtrust.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
