/**
 * The home page and navigation.
 * <p>
 * 门户：首页与导航。
 */
@ApplicationModule(displayName = "Portal", allowedDependencies = { "shared", "identity", "login", "sso" })
@NullMarked
package org.govtrust.portal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
