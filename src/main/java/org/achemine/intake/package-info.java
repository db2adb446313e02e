/** Intake: taking flows from the partners' mailboxes, safely, up to their deposit report (ADR 0001). */
package org.achemine.intake;
