The duty-evaluation rules through REST: `GET/PATCH <site>/@duty-rules`, for the secretariat. [duty]
