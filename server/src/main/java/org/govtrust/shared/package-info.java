/**
 * Shared kernel: the error catalogue, i18n, clock, personal-data protection, national
 * standard identifiers and the common web plumbing. No business logic.
 * <p>
 * 共享内核：错误码目录、国际化、时钟、个人信息保护、国家标准标识符校验与通用 Web 组件。
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
@NullMarked
package org.govtrust.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
