package org.achemine.validation.xsd;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * Resolves the imports of the official schemas from the class path, never the network. The UBL schemas
 * import XML-DSig, XAdES and CCTS by namespace only (no schemaLocation); those schemas ship in the
 * com.helger.xsd:ph-xsds-* jars that ph-ubl21 brings. Relative imports (the UBL and CII schemas' own files)
 * resolve against the jar they come from.
 */
final class ClasspathSchemaResolver implements LSResourceResolver {

    /** Namespace → class-path resource, for imports that name only a namespace. */
    private static final Map<String, String> BY_NAMESPACE = Map.of(
            "http://www.w3.org/2000/09/xmldsig#", "schemas/xmldsig-core-schema.xsd",
            "http://uri.etsi.org/01903/v1.3.2#", "schemas/XAdES01903v132-201601.xsd",
            "http://uri.etsi.org/01903/v1.4.1#", "schemas/XAdES01903v141-201601.xsd",
            "urn:un:unece:uncefact:data:specification:CoreComponentTypeSchemaModule:2",
            "schemas/CCTS_CCT_SchemaModule.xsd",
            "http://www.w3.org/XML/1998/namespace", "schemas/xml.xsd");

    /** The class-path URL of a schema resource; fails loudly when a jar is missing (a build problem). */
    static URL resource(String path) {
        URL url = ClasspathSchemaResolver.class.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalStateException("Schema " + path + " is not on the class path");
        }
        return url;
    }

    @Override
    public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
        URL url;
        if (systemId == null || systemId.isBlank()) {
            String path = namespace == null ? null : BY_NAMESPACE.get(namespace);
            if (path == null) {
                throw new IllegalStateException("No schema known for the imported namespace " + namespace);
            }
            url = resource(path);
        } else {
            url = relative(systemId, baseUri);
        }
        return new Input(url.toExternalForm(), publicId, baseUri, url);
    }

    private static URL relative(String systemId, String baseUri) {
        try {
            URI resolved = baseUri == null ? URI.create(systemId) : resolve(baseUri, systemId);
            String scheme = resolved.getScheme();
            if (!"jar".equals(scheme) && !"file".equals(scheme)) {
                throw new IllegalStateException("Schema import outside the class path refused: " + resolved);
            }
            return resolved.toURL();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot resolve schema " + systemId + " from " + baseUri, e);
        }
    }

    // URI.resolve cannot resolve inside "jar:file:...!/path" (opaque URIs): resolve the part after "!/" alone.
    private static URI resolve(String baseUri, String systemId) {
        int bang = baseUri.indexOf("!/");
        if (baseUri.startsWith("jar:") && bang > 0) {
            String inside = URI.create(baseUri.substring(bang + 1)).resolve(systemId).toString();
            return URI.create(baseUri.substring(0, bang + 1) + inside);
        }
        return URI.create(baseUri).resolve(systemId);
    }

    /** A schema document for the schema loader, opened when it asks for the bytes. */
    private static final class Input implements LSInput {

        private final String systemId;
        private final String publicId;
        private final String baseUri;
        private final URL url;

        Input(String systemId, String publicId, String baseUri, URL url) {
            this.systemId = systemId;
            this.publicId = publicId;
            this.baseUri = baseUri;
            this.url = url;
        }

        @Override
        public InputStream getByteStream() {
            try {
                return url.openStream();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read schema " + url, e);
            }
        }

        @Override
        public String getSystemId() {
            return systemId;
        }

        @Override
        public String getPublicId() {
            return publicId;
        }

        @Override
        public String getBaseURI() {
            return baseUri;
        }

        @Override
        public Reader getCharacterStream() {
            return null;
        }

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCharacterStream(Reader characterStream) {
            // Read-only: the schema loader has no reason to change it.
        }

        @Override
        public void setByteStream(InputStream byteStream) {
            // Read-only: the schema loader has no reason to change it.
        }

        @Override
        public void setStringData(String stringData) {
            // Read-only: the schema loader has no reason to change it.
        }

        @Override
        public void setSystemId(String systemId) {
            // Read-only: the schema loader has no reason to change it.
        }

        @Override
        public void setPublicId(String publicId) {
            // Read-only: the schema loader has no reason to change it.
        }

        @Override
        public void setBaseURI(String baseURI) {
            // Read-only: the schema loader has no reason to change it.
        }

        @Override
        public void setEncoding(String encoding) {
            // Read-only: the schema loader has no reason to change it.
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {
            // Read-only: the schema loader has no reason to change it.
        }
    }
}
