import i from "#internal"; export default "nested+" + i;
