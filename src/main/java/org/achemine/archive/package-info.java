/** The write-once archive of original flow files, and the atomic file moves the whole product uses. */
package org.achemine.archive;
