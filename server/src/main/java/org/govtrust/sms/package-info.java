/**
 * One-time SMS codes: mobile-number validation, issuing and checking codes, the send
 * limits shared by all nodes, and the SMS gateway port.
 * <p>
 * 短信验证码：手机号校验、验证码发放与核验、全节点共享的发送限流，以及短信网关端口。
 */
@ApplicationModule(displayName = "SMS codes", allowedDependencies = "shared")
@NullMarked
package org.govtrust.sms;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
