/**
 * Natural persons: registration with real-name verification (four identity elements and
 * face against the identity authority, or network identity through CTID), accounts and
 * their real-name level.
 * <p>
 * 自然人身份：实名注册（身份四要素 + 人脸比对，或 CTID 网证核验）、账号及实名等级。
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = { "shared", "sms" })
@NullMarked
package org.govtrust.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
