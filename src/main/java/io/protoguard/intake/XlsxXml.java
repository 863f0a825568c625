package io.protoguard.intake;

import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;

/**
 * The JDK's SAX parser set up as POI's XMLHelper set it up for the same parts: namespace-aware, not
 * validating, no DOCTYPE, no external entities, and a cap on entity expansion, so a hostile workbook can
 * neither make intake fetch a URL nor expand a billion laughs.
 */
final class XlsxXml {

    private static final SAXParserFactory FACTORY = factory();

    private XlsxXml() {
    }

    static void parse(InputStream in, DefaultHandler handler) throws IOException, SAXException {
        XMLReader reader;
        try {
            reader = FACTORY.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException e) {
            throw new SAXException(e);
        }
        trySet(reader, "http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", 1);
        reader.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        reader.setContentHandler(handler);
        reader.setErrorHandler(handler);
        reader.parse(new InputSource(in));
    }

    private static SAXParserFactory factory() {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        trySet(f, XMLConstants.FEATURE_SECURE_PROCESSING, true);
        trySet(f, "http://apache.org/xml/features/nonvalidating/load-dtd-grammar", false);
        trySet(f, "http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        trySet(f, "http://xml.org/sax/features/external-general-entities", false);
        trySet(f, "http://xml.org/sax/features/external-parameter-entities", false);
        trySet(f, "http://apache.org/xml/features/disallow-doctype-decl", true);
        return f;
    }

    private static void trySet(SAXParserFactory f, String feature, boolean value) {
        try {
            f.setFeature(feature, value);
        } catch (Exception | AbstractMethodError e) {
            // A parser without this feature has nothing to turn off.
        }
    }

    private static void trySet(XMLReader reader, String property, Object value) {
        try {
            reader.setProperty(property, value);
        } catch (Exception e) {
            // Likewise: a parser without the property has no such limit to set.
        }
    }
}
