package cpapi

import "encoding/xml"

// ItemName names the repeated child of a WrappedList.
type ItemName interface{ itemName() string }

// WrappedList is a list of strings sent as <wrapper><item>…</item><item>…</item></wrapper>, such as
// <demoSerialNumber><serialNumber>…</serialNumber></demoSerialNumber>. Unlike an `a>b` tag, an empty list
// writes nothing at all (encoding/xml would still write the empty parent, which ChargePoint counts as set).
type WrappedList[N ItemName] []String

// SerialNumberItem names the children of serialNumberData.
type SerialNumberItem struct{}

func (SerialNumberItem) itemName() string { return "serialNumber" }

// StationIDItem names the children of stationIdList.
type StationIDItem struct{}

func (StationIDItem) itemName() string { return "stationID" }

func (l WrappedList[N]) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	if len(l) == 0 {
		return nil
	}
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	var n N
	item := xml.StartElement{Name: xml.Name{Local: n.itemName()}}
	for _, s := range l {
		if err := e.EncodeElement(s.Value, item); err != nil {
			return err
		}
	}
	return e.EncodeToken(start.End())
}

// AppendItemText appends the text of one child as an item (soap.ListUnmarshaler).
func (l *WrappedList[N]) AppendItemText(text []byte) { *l = append(*l, StringOf(string(text))) }
