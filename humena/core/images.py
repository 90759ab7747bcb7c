"""Uploaded images are decoded, checked and re-encoded, so that no metadata survives.

Re-encoding from pixels drops EXIF (GPS position, camera serial, time), XMP and IPTC blocks and
any payload appended to the file. Orientation is applied to the pixels first so photos stay upright.
"""

from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile, UploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # refuse decompression bombs before decoding them
MAX_SIDE = 1600
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}


def image_reencode(upload: UploadedFile, *, max_side: int = MAX_SIDE) -> InMemoryUploadedFile:
    """Return a clean JPEG or PNG of `upload`, or raise ValidationError with a clear message."""
    if upload.size and upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The image is too large (%(size)s MB). The limit is %(limit)s MB."),
            code="image_too_large",
            params={
                "size": round(upload.size / 1024 / 1024, 1),
                "limit": MAX_UPLOAD_BYTES // 1024 // 1024,
            },
        )
    upload.seek(0)
    try:
        with Image.open(upload) as probe:
            image_format = probe.format
            width, height = probe.size
            if image_format not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("Upload a JPEG, PNG or WebP image."), code="image_type_not_allowed"
                )
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    _("The image has too many pixels."), code="image_too_many_pixels"
                )
            probe.load()
            image = ImageOps.exif_transpose(probe)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            _("This file is not an image we can read. Upload a JPEG, PNG or WebP image."),
            code="image_invalid",
        ) from exc

    image.thumbnail((max_side, max_side))
    keeps_transparency = image.mode in {"RGBA", "LA", "P"} and image_format in {"PNG", "WEBP"}
    output = BytesIO()
    if keeps_transparency:
        image = image.convert("RGBA")
        image.save(output, format="PNG", optimize=True)
        extension, content_type = "png", "image/png"
    else:
        image = image.convert("RGB")
        image.save(output, format="JPEG", quality=85, optimize=True, progressive=True)
        extension, content_type = "jpg", "image/jpeg"
    size = output.tell()
    output.seek(0)
    return InMemoryUploadedFile(output, "image", f"image.{extension}", content_type, size, None)
