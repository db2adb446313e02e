package org.achemine.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

/**
 * Serves a file whose path the database recorded (an original, a report, a delivered invoice): never a path a
 * request names, so no request reaches a file of the data folder the platform did not record for that id.
 */
public final class RecordedFiles {

    private RecordedFiles() {
    }

    /** The file as a download under its own name; 404 when nothing was recorded or it is gone. */
    public static ResponseEntity<FileSystemResource> download(Optional<String> recordedPath, MediaType type) {
        Path file = recordedPath.map(Path::of).filter(Files::isRegularFile)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.getFileName().toString()).build().toString())
                .body(new FileSystemResource(file));
    }

    /** Reports are XML, CSV summaries text; originals may be anything (zip, tar.gz, XML). */
    public static MediaType typeOf(String path) {
        if (path == null) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
        if (path.endsWith(".xml")) {
            return MediaType.APPLICATION_XML;
        }
        return path.endsWith(".csv") ? MediaType.parseMediaType("text/csv;charset=UTF-8")
                : MediaType.APPLICATION_OCTET_STREAM;
    }
}
