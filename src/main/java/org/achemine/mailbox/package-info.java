/** The data folder's layout: one mailbox (in/, out/) per configured partner, the archive and the database. */
package org.achemine.mailbox;
