"""Uploaded images are re-encoded: no EXIF/GPS survives; type and size are checked."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from humena.core.images import image_reencode


def jpeg_with_gps(size=(64, 48)) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0131] = "Camera app 1.0"  # Software
    gps = {1: "N", 2: (36.0, 48.0, 30.0), 3: "E", 4: (10.0, 10.0, 5.0)}
    exif[0x8825] = gps  # GPSInfo
    buffer = BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def upload(content: bytes, name="photo.jpg", content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_exif_and_gps_are_removed():
    original = jpeg_with_gps()
    with Image.open(BytesIO(original)) as before:
        assert before.getexif().get_ifd(0x8825)  # the fixture really carries GPS data
    clean = image_reencode(upload(original))
    data = clean.read()
    with Image.open(BytesIO(data)) as after:
        assert not after.getexif()
        assert after.format == "JPEG"
        assert after.size == (64, 48)
    assert b"PhoneMaker" not in data
    assert b"Exif" not in data


def test_large_images_are_scaled_down():
    buffer = BytesIO()
    Image.new("RGB", (4000, 1000), "white").save(buffer, format="PNG")
    clean = image_reencode(upload(buffer.getvalue(), "wide.png", "image/png"))
    with Image.open(clean) as after:
        assert max(after.size) == 1600


def test_transparency_is_kept_as_png():
    buffer = BytesIO()
    Image.new("RGBA", (10, 10), (0, 0, 0, 0)).save(buffer, format="PNG")
    clean = image_reencode(upload(buffer.getvalue(), "logo.png", "image/png"))
    assert clean.name.endswith(".png")


def test_text_pretending_to_be_an_image_is_refused():
    with pytest.raises(ValidationError) as error:
        image_reencode(upload(b"<svg onload=alert(1)>", "evil.jpg"))
    assert error.value.code == "image_invalid"


def test_gif_is_not_an_allowed_type():
    buffer = BytesIO()
    Image.new("RGB", (5, 5)).save(buffer, format="GIF")
    with pytest.raises(ValidationError) as error:
        image_reencode(upload(buffer.getvalue(), "a.gif", "image/gif"))
    assert error.value.code == "image_type_not_allowed"


def test_oversized_file_is_refused_before_decoding():
    big = upload(b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 10))
    with pytest.raises(ValidationError) as error:
        image_reencode(big)
    assert error.value.code == "image_too_large"


def test_decompression_bomb_is_refused():
    buffer = BytesIO()
    Image.new("1", (9000, 9000)).save(buffer, format="PNG")  # tiny file, 81 megapixels
    with pytest.raises(ValidationError) as error:
        image_reencode(upload(buffer.getvalue(), "bomb.png", "image/png"))
    assert error.value.code in {"image_too_many_pixels", "image_invalid"}
